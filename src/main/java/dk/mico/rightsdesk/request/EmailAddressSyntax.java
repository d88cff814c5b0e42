package dk.mico.rightsdesk.request;

import java.util.regex.Pattern;

/**
 * The e-mail addresses Rights Desk accepts: a dot-atom local part (RFC 5322 atext between single dots, at most 64
 * characters), host-name labels (letters, digits, inner hyphens) and a top-level label of 2-63 letters or an xn--
 * label. No quoted local parts, no IP literals, no comments: what any SMTP server delivers. The confirmation link
 * proves the rest.
 */
public final class EmailAddressSyntax {

  /** How the field message starts for an address outside ASCII. */
  public static final String NOT_ASCII = "may contain only ASCII characters: addresses with æ, ø, å or other letters"
      + " outside a-z cannot be used";

  private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
  private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern ADDRESS = Pattern.compile(
      ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9]{1,59})");
  private static final int LONGEST_LOCAL_PART = 64;

  private EmailAddressSyntax() {}

  /**
   * Why the address cannot be used, or null. Addresses outside ASCII are refused rather than garbled: delivering them
   * needs SMTPUTF8 at every server on the way, which the company's mail relay cannot promise.
   */
  static String problemWith(String address) {
    if (!address.chars().allMatch(c -> c < 0x80)) {
      return NOT_ASCII;
    }
    if (!ADDRESS.matcher(address).matches() || address.indexOf('@') > LONGEST_LOCAL_PART) {
      return "is not an e-mail address";
    }
    return null;
  }
}
