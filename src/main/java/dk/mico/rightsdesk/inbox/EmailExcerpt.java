package dk.mico.rightsdesk.inbox;

/**
 * An e-mail's text as a task screen shows it: the engine keeps a screen's text field in at most 4000 characters, so a
 * longer text is cut and says so; the whole text stays with the stored e-mail.
 */
public final class EmailExcerpt {

  /** Room left under the engine's 4000 characters for the note that the text goes on. */
  static final int MAX_SHOWN = 3500;

  private EmailExcerpt() {}

  public static String of(long emailId, String text) {
    if (text == null || text.isBlank()) {
      return "(The e-mail has no text.)";
    }
    if (text.length() <= MAX_SHOWN) {
      return text;
    }
    return text.substring(0, MAX_SHOWN) + "\n\n[... the e-mail goes on for " + (text.length() - MAX_SHOWN)
        + " more characters; the whole text is kept with inbox e-mail " + emailId + ".]";
  }
}
