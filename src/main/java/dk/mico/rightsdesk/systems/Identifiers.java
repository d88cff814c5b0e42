package dk.mico.rightsdesk.systems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What identifies the data subject in a lookup: the verified e-mail address, a phone number verified the same way
 * (optional), the name they gave, and identifiers given but not proved (a phone number, a postal address, a company,
 * any kind a system declares). Only the verified identifiers make a record theirs; the others only make candidates
 * for the officer.
 *
 * @param email the confirmed address, or null where none was confirmed
 * @param phone a confirmed phone number in any format, or null
 * @param name the subject's full name as given, or null
 * @param given identifiers by kind ({@code email}, {@code phone} or a declared kind such as {@code postal-address})
 *     that the subject or the officer gave, not proved
 */
public record Identifiers(String email, String phone, String name, Map<String, List<String>> given) {

  public Identifiers {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    (given == null ? Map.<String, List<String>>of() : given).forEach((kind, values) -> copy.put(kind,
        List.copyOf(values)));
    given = Map.copyOf(copy);
  }

  public static Identifiers of(String email, String phone, String name) {
    return new Identifiers(email, phone, name, Map.of());
  }

  /** These identifiers and one more given one; a blank value adds nothing. */
  public Identifiers withGiven(String kind, String value) {
    if (value == null || value.isBlank()) {
      return this;
    }
    Map<String, List<String>> more = new LinkedHashMap<>(given);
    List<String> values = new ArrayList<>(more.getOrDefault(kind, List.of()));
    values.add(value.strip());
    more.put(kind, values);
    return new Identifiers(email, phone, name, more);
  }

  /** The given values of one kind (none when there are none). */
  List<String> given(String kind) {
    return given.getOrDefault(kind, List.of());
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
        + ", name=" + (name == null ? "none" : "given") + ", given kinds=" + given.keySet() + "]";
  }
}
