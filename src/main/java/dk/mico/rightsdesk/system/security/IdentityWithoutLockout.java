package dk.mico.rightsdesk.system.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's users and groups in its database, as they are, except that a wrong password locks nobody. Camunda counts
 * failed password checks per user and then refuses even the right password, for a while after each and for good
 * after login-max-attempts, so whoever knows a user name could keep that user out. The login throttle slows guessing
 * down instead, before any password check. Public for the engine, which creates it by reflection.
 */
public class IdentityWithoutLockout extends DbIdentityServiceProvider {

  @Override
  protected boolean isUserLocked(UserEntity user) {
    return false; // also frees a user that an earlier version left locked
  }

  @Override
  protected void lockUser(UserEntity user) {
    // failures are counted by the login throttle, not stored with the user
  }
}
