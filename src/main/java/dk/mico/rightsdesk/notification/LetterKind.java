package dk.mico.rightsdesk.notification;

/** The letters a subject can get. Each has a template per language under templates/letters/. */
public enum LetterKind {
  ACKNOWLEDGEMENT,
  CONFIRMATION_LINK,
  CONFIRMATION_REMINDER,
  UNCONFIRMED,
  UNVERIFIABLE,
  ANSWER,
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
