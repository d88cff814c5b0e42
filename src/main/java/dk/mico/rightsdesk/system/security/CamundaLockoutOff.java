package dk.mico.rightsdesk.system.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/** The engine checks passwords with {@link IdentityWithoutLockout}: no failed login locks a user in Camunda. */
@Component
class CamundaLockoutOff extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(IdentityWithoutLockout.class));
  }
}
