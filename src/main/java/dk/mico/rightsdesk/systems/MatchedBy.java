package dk.mico.rightsdesk.systems;

/** Why a record was found. Only the verified identifiers make a record the subject's without a person's decision. */
public enum MatchedBy {
  /** The verified e-mail address, compared case-insensitively. */
  EMAIL,
  /** The verified phone number, compared by its digits. */
  PHONE,
  /** The full name alone: a candidate for the officer to decide on, never released without that decision. */
  NAME_ONLY;

  public boolean verified() {
    return this != NAME_ONLY;
  }
}
