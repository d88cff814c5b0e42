package dk.mico.rightsdesk.systems;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How identifiers are compared: addresses case-insensitively, phone numbers by digits, names by their words. */
final class Matching {

  private static final int MIN_PHONE_DIGITS = 6;
  private static final int DANISH_NUMBER_DIGITS = 8;
  private static final String DENMARK = "45";

  private Matching() {}

  /**
   * A phone number's digits, without an international prefix for Denmark: "+45 12 34 56 78", "0045 12345678" and
   * "12-34-56-78" are all "12345678". Other countries keep their code ("+46 70 ..." is "4670..."). Null when there
   * are too few digits to identify anyone.
   */
  static String phone(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.chars().filter(Character::isDigit).mapToObj(Character::toString)
        .collect(Collectors.joining());
    if (digits.startsWith("00")) {
      digits = digits.substring(2);
    }
    if (digits.length() == DENMARK.length() + DANISH_NUMBER_DIGITS && digits.startsWith(DENMARK)) {
      digits = digits.substring(DENMARK.length());
    }
    return digits.length() < MIN_PHONE_DIGITS ? null : digits;
  }

  /** The forms a stored number may take once its separators are gone, for the database to narrow the search. */
  static List<String> phoneForms(String normalised) {
    if (normalised.length() == DANISH_NUMBER_DIGITS) {
      return List.of(normalised, DENMARK + normalised, "00" + DENMARK + normalised);
    }
    return List.of(normalised, "00" + normalised);
  }

  /** The separators that {@link #phoneForms} expects the database to strip from a stored number. */
  static final List<String> PHONE_SEPARATORS = List.of(" ", "-", "+", "(", ")", ".", "/");

  /** A full name for comparison: composed Unicode, lower case, words separated by single spaces. */
  static String name(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Normalizer.normalize(text, Normalizer.Form.NFC).trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /**
   * Another identifier (a postal address, a company) for comparison: composed Unicode, lower case, punctuation gone,
   * words separated by single spaces; "Strandvejen 41, 8400  Ebeltoft" is "strandvejen 41 8400 ebeltoft".
   */
  static String text(String text) {
    if (text == null) {
      return null;
    }
    String words = Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("[\\p{Punct}\\s]+", " ").trim()
        .toLowerCase(Locale.ROOT);
    return words.isEmpty() ? null : words;
  }

  /** A LIKE pattern (escape character backslash) that every spelling of the name with other spacing matches. */
  static String nameLikePattern(String normalisedName) {
    return "%" + Arrays.stream(normalisedName.split(" ")).map(Matching::escapeLike).collect(Collectors.joining("%"))
        + "%";
  }

  private static String escapeLike(String word) {
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /** A boolean column's value, whatever the database answers for it; null when it holds none. */
  static Boolean bool(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number n) {
      return n.intValue() != 0;
    }
    String text = value.toString().trim().toLowerCase(Locale.ROOT);
    return text.equals("true") || text.equals("1") || text.equals("y") || text.equals("yes");
  }
}
