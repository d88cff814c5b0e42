package dk.mico.rightsdesk.inbox;

/** What follows the arrival of an e-mail in the GDPR mailbox, besides flagging it there. */
public enum InboxRoute {
  /** The officer registers requests from it, dismisses it or attaches it: "Register the request from an e-mail". */
  REGISTER,
  /** A subject's reply shown on the task that waits for it, or an automatic mail dismissed: nobody needs a task. */
  NOTHING_TO_DO,
  /** A subject's reply attached to its request, where no task waits for it: "Read the subject's reply". */
  READ_REPLY,
  /** A bounce or auto-reply to one of our letters, attached to its request: the officer is told it did not arrive. */
  LETTER_NOT_DELIVERED
}
