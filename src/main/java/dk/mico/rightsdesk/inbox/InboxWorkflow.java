package dk.mico.rightsdesk.inbox;

import java.time.Instant;

/** What the inbox needs from the workflow engine; implemented where the engine is wired. */
public interface InboxWorkflow {

  /**
   * Starts the e-mail's process, in the caller's transaction: row and process commit together. The officer gets a
   * task for it unless it was attached to its request at once (a subject's reply).
   */
  void start(long emailId, Instant receivedAt, boolean attachedAtOnce);

  /** The e-mail was handled outside Tasklist (the API): its task ends. */
  void handledElsewhere(long emailId);
}
