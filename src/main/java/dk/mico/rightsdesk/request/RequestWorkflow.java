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

  /** The deadline was extended (Art 12(3)): timers and task due dates follow it, and the subject is told why. */
  void deadlineExtended(DataSubjectRequest request);

  /** The subject answered the request for more identity information through the link in the e-mail. */
  void identityInformationReceived(DataSubjectRequest request);

  /** The officer refused the request as manifestly unfounded or excessive (Art 12(5)): it ends with a letter. */
  void refusedAsUnfoundedOrExcessive(DataSubjectRequest request);

  /** The officer announced a reasonable fee (Art 12(5)) before acting: the subject gets a letter. */
  void feeAnnounced(DataSubjectRequest request);

  /** The request is about data MICO holds for a customer: it goes to that controller (gdpr-rules.md §4). */
  void forwardedToController(DataSubjectRequest request);

  /**
   * Part of the request is about data MICO holds for a customer: that part goes to the customer, and the request
   * goes on for the data MICO holds as controller.
   */
  void partForwardedToController(DataSubjectRequest request);
}
