package dk.mico.rightsdesk.inbox;

import java.time.Instant;

/** What the inbox needs from the workflow engine; implemented where the engine is wired. */
public interface InboxWorkflow {

  /** Starts the e-mail's process (its officer task), in the caller's transaction: row and process commit together. */
  void start(long emailId, Instant receivedAt);

  /** The e-mail was handled outside Tasklist (the API): its task ends. */
  void handledElsewhere(long emailId);
}
