package dk.mico.rightsdesk.systems;

import java.util.Locale;

/**
 * What identifies the data subject in a lookup: the verified e-mail address, a phone number verified the same way
 * (optional) and the name they gave. Only the verified identifiers make a record theirs; the name alone only makes a
 * candidate for the officer.
 *
 * @param email the confirmed address, or null where none was confirmed
 * @param phone a confirmed phone number in any format, or null
 * @param name the subject's full name as given, or null
 */
public record Identifiers(String email, String phone, String name) {

  public static Identifiers of(String email, String phone, String name) {
    return new Identifiers(email, phone, name);
  }

  /** The address as compared: trimmed and lower-cased; null when there is none. */
  String normalisedEmail() {
    return normaliseEmail(email);
  }

  static String normaliseEmail(String email) {
    return email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  /** Never the values: a record's text ends up in logs and stack traces. */
  @Override
  public String toString() {
    return "Identifiers[email=" + (email == null ? "none" : "given") + ", phone=" + (phone == null ? "none" : "given")
        + ", name=" + (name == null ? "none" : "given") + "]";
  }
}
