package dk.mico.rightsdesk.inbox;

import java.time.Instant;

/** What the inbox needs from the workflow engine; implemented where the engine is wired. */
public interface InboxWorkflow {

  /** Starts the e-mail's process, in the caller's transaction: row and process commit together. */
  void start(long emailId, Instant receivedAt, InboxRoute route);

  /**
   * Shows a subject's reply on the task of the request that waits for it (the identity reply, the answer to a fee);
   * false when no such task waits.
   */
  boolean showReplyOnWaitingTask(String reference, Instant receivedAt, String reply);

  /** The e-mail was handled outside Tasklist (the API): its task ends. */
  void handledElsewhere(long emailId);
}
