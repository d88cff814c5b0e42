package dk.mico.rightsdesk.request;

/**
 * The characters a field of the request record may hold, one rule per kind of field. What is stored goes verbatim
 * into letters, e-mail headers, CSV files and the database, so characters that change how text is read, or that a
 * database refuses (PostgreSQL cannot store U+0000), never get in.
 */
public enum TextRules {

  /** A name, a phone number: one line, no control characters, nothing invisible, no change of writing direction. */
  SINGLE_LINE {
    @Override
    String refusal(int character) {
      int type = Character.getType(character);
      if (Character.isISOControl(character) || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR) {
        return NOT_ONE_LINE;
      }
      // format characters: zero-width spaces and joiners, soft hyphens, direction marks, overrides and isolates
      return type == Character.FORMAT ? HIDDEN_CHARACTERS : null;
    }
  },

  /**
   * Details, notes, a postal address: line breaks and tabs are kept; other control characters and the overrides and
   * isolates that reorder text (a letter would read differently from what was typed) are refused. Zero-width joiners
   * stay: some scripts and emoji need them.
   */
  FREE_TEXT {
    @Override
    String refusal(int character) {
      if (Character.isISOControl(character) && character != '\n' && character != '\r' && character != '\t') {
        return HIDDEN_CHARACTERS;
      }
      boolean overrideOrIsolate = (character >= 0x202A && character <= 0x202E)
          || (character >= 0x2066 && character <= 0x2069);
      return overrideOrIsolate ? HIDDEN_CHARACTERS : null;
    }
  };

  /** How a field message starts when a single-line field holds a line break or a control character. */
  public static final String NOT_ONE_LINE = "must be a single line without control characters";

  /** How a field message starts when a field holds characters that are invisible or reorder the text. */
  public static final String HIDDEN_CHARACTERS = "contains control, invisible or text-direction characters";

  /**
   * What is wrong with the text, naming the first refused character by its code point (never the text itself, which
   * may be personal data); null when it may be stored.
   */
  public String problemWith(String text) {
    for (int i = 0; i < text.length(); ) {
      int character = text.codePointAt(i);
      String refusal = Character.getType(character) == Character.SURROGATE
          ? HIDDEN_CHARACTERS // half of a pair: not a character at all
          : refusal(character);
      if (refusal != null) {
        return refusal + " (U+%04X)".formatted(character);
      }
      i += Character.charCount(character);
    }
    return null;
  }

  /**
   * The text without the characters this rule refuses, for text that comes from outside and must be kept anyway
   * (an e-mail in the GDPR mailbox): what is left can be stored, shown and used as a request's text.
   */
  public String withoutRefused(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints().filter(c -> Character.getType(c) != Character.SURROGATE && refusal(c) == null)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  abstract String refusal(int character);
}
