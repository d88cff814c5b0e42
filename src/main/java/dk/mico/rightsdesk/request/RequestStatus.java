package dk.mico.rightsdesk.request;

/** Where a request stands (design.md contract). */
public enum RequestStatus {
  /** A web request waiting for the subject to confirm the e-mail address. */
  AWAITING_CONFIRMATION,
  IN_PROGRESS,
  /** Waiting for identity information the officer asked for; the clock is suspended. */
  PAUSED,
  CLOSED
}
