package dk.mico.rightsdesk.notification;

import java.time.Instant;

/** A letter in a request's archive: what was said, to whom, how, and whether it has left. */
public record Letter(
    long id,
    String reference,
    String letterKey,
    LetterKind kind,
    Delivery delivery,
    String recipient,
    String subjectLine,
    String body,
    State state,
    Instant composedAt,
    Instant deliveredAt) {

  /** E-mail, or paper for a subject without an e-mail address. */
  public enum Delivery {
    EMAIL,
    POST
  }

  public enum State {
    /** Composed; an e-mail whose sending failed stays here until a retry succeeds. */
    COMPOSED,
    SENT,
    /** Printed letter waiting for the officer to post it. */
    TO_POST,
    POSTED
  }
}
