package dk.mico.rightsdesk.request;

/**
 * What the request record needs from the workflow engine. Implemented where the engine is wired, so that this
 * package knows nothing of Camunda.
 */
public interface RequestWorkflow {

  /** Starts the request's process, in the caller's transaction: record and process start or fail together. */
  void start(DataSubjectRequest request);

  /** The subject proved control of the e-mail address. */
  void emailConfirmed(DataSubjectRequest request);

  /** The subject asked for a new confirmation link; false when no link can be renewed now. */
  boolean confirmationLinkRequested(DataSubjectRequest request);

  /** The subject withdrew the request. */
  void withdrawn(DataSubjectRequest request);
}
