package dk.mico.rightsdesk.inbox;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML mail body turned into plain text for the officer's screen: scripts, styles and comments dropped, block ends
 * turned into line breaks, every other tag removed, entities decoded. The result is only ever shown as text, never
 * rendered, so nothing in it can run or load.
 */
final class HtmlText {

  private static final Pattern INVISIBLE =
      Pattern.compile("(?is)<(script|style|head)\\b.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote)\\s*>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
  private static final Map<String, String> NAMED = Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"",
      "apos", "'", "nbsp", " ", "aelig", "æ", "oslash", "ø", "aring", "å");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*(\\n[ \\t]*)+");

  private HtmlText() {}

  static String toText(String html) {
    String text = INVISIBLE.matcher(html).replaceAll("");
    text = LINE_BREAK.matcher(text).replaceAll("\n");
    text = TAG.matcher(text).replaceAll("");
    text = decode(text);
    return BLANK_LINES.matcher(text.replace("\r", "")).replaceAll("\n\n").strip();
  }

  private static String decode(String text) {
    Matcher entity = ENTITY.matcher(text);
    StringBuilder decoded = new StringBuilder();
    while (entity.find()) {
      String name = entity.group(1);
      String replacement;
      if (name.startsWith("#")) {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        replacement = Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : "";
      } else {
        replacement = NAMED.getOrDefault(name.toLowerCase(), entity.group());
      }
      entity.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
    }
    entity.appendTail(decoded);
    return decoded.toString();
  }
}
