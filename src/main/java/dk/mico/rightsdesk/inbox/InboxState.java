package dk.mico.rightsdesk.inbox;

/** Where an e-mail to the GDPR mailbox stands. */
public enum InboxState {
  /** Waiting for the officer. */
  NEW,
  /** One or more requests were registered from it. */
  REGISTERED,
  /** The officer found it is no request; the reason is kept. */
  NOT_A_REQUEST,
  /** It belongs to a request that exists already. */
  ATTACHED
}
