package dk.mico.rightsdesk.notification;

/** The letters a subject can get. Each has a template per language under templates/letters/. */
public enum LetterKind {
  ACKNOWLEDGEMENT,
  CONFIRMATION_LINK,
  CONFIRMATION_REMINDER,
  UNCONFIRMED,
  UNVERIFIABLE,
  ANSWER,
  RESTRICTION_LIFT_NOTICE,
  WITHDRAWN;

  String template() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
