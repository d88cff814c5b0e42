package dk.mico.rightsdesk.systems;

/** Why a record was found. Only the verified identifiers make a record the subject's without a person's decision. */
public enum MatchedBy {
  /** The verified e-mail address, compared case-insensitively. */
  EMAIL,
  /** The verified phone number, compared by its digits. */
  PHONE,
  /**
   * Identifiers the subject or the officer gave but that prove nothing (a phone number, a postal address, a company,
   * an address not confirmed), with or without the name: a candidate for the officer to decide on.
   */
  GIVEN,
  /** The full name alone: a candidate for the officer to decide on, never released without that decision. */
  NAME_ONLY;

  public boolean verified() {
    return this == EMAIL || this == PHONE;
  }
}
