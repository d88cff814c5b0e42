package dk.mico.rightsdesk.inbox;

import java.time.Instant;

/** An e-mail found to be no request, as the register of requests counts it: no sender, no text, no reason. */
public record Dismissal(long emailId, Instant receivedAt, Instant dismissedAt) {

  /** How the register names it: the e-mail's process key, which holds no personal data. */
  public String reference() {
    return "INBOX-" + emailId;
  }
}
