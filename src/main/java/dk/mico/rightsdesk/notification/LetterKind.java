package dk.mico.rightsdesk.notification;

/** The letters a subject can get. Each has a template per language under templates/letters/. */
public enum LetterKind {
  ACKNOWLEDGEMENT,
  CONFIRMATION_LINK,
  CONFIRMATION_REMINDER,
  UNCONFIRMED,
  UNVERIFIABLE,
  ANSWER,
  /** The code for the download page, sent apart from the answer that carries the link. */
  DELIVERY_CODE,
  /** Tells the subject, ahead of time, that a restriction will be lifted (Art 18(3)). */
  RESTRICTION_LIFT_NOTICE,
  WITHDRAWN,
  // the deadline watch and the Art 12 outcomes (issue 6)
  EXTENSION,
  IDENTITY_INFORMATION_REQUEST,
  DUPLICATE,
  REFUSAL_EXCESSIVE,
  FEE_ANNOUNCED,
  FORWARDED;

  String template() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
