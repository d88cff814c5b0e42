package dk.mico.rightsdesk.fulfilment;

import java.time.Instant;

/** What the rights need from the workflow engine; implemented where the engine is wired. */
public interface RightsWorkflow {

  /** Starts the lifting of a request's restriction: the subject is told now, the restriction lifted at {@code at}. */
  void liftRestriction(String reference, Instant at);
}
