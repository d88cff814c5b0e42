package dk.mico.rightsdesk.notification;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How letters, reports and pages write dates, times and articles of the Regulation in the reader's language: dates
 * in words ("4. december 2026", "4 December 2026"), times the Danish way ("kl. 13.24") and articles in Danish legal
 * notation ("art. 17, stk. 3, litra b") or the English one ("Article 17(3)(b)").
 */
public final class Wording {

  /** An article code as the decision tables and declarations write it: 17(3)(b), 7(3), 18(1)(b)-(c). */
  private static final Pattern ARTICLE = Pattern.compile("(\\d+)((?:\\(\\w+\\))*)(?:-\\((\\w+)\\))?");
  private static final Pattern PART = Pattern.compile("\\((\\w+)\\)");

  private Wording() {}

  /** The wording of one reader's language, for templates: {@code ${wording.dateTime(linkExpiresAt)}}. */
  public record In(Locale locale) {

    public String date(LocalDate date) {
      return Wording.date(date, locale);
    }

    public String dateTime(ZonedDateTime time) {
      return Wording.dateTime(time, locale);
    }

    public String articles(String codes) {
      return Wording.articles(codes, locale);
    }
  }

  /** "4. december 2026" in Danish, "4 December 2026" in English. */
  public static String date(LocalDate date, Locale locale) {
    return date.format(DateTimeFormatter.ofPattern(danish(locale) ? "d. MMMM yyyy" : "d MMMM yyyy", locale));
  }

  /** "4. december 2026 kl. 13.24" in Danish, "4 December 2026 at 13:24" in English. */
  public static String dateTime(ZonedDateTime time, Locale locale) {
    return date(time.toLocalDate(), locale) + (danish(locale) ? " kl. " : " at ")
        + time.format(DateTimeFormatter.ofPattern(danish(locale) ? "HH.mm" : "HH:mm"));
  }

  /**
   * The articles of the Regulation a code names, in the reader's notation: "17(3)(b)" is "art. 17, stk. 3, litra b"
   * in Danish and "Article 17(3)(b)" in English; several codes ("17(1)(b), 21(3)") are joined with "og" / "and".
   * Text that is not an article code (e.g. a law's name after the code) is kept as it is.
   */
  public static String articles(String codes, Locale locale) {
    if (codes == null || codes.isBlank()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (String code : codes.split(",\\s*")) {
      parts.add(article(code.strip(), locale));
    }
    return join(parts, locale);
  }

  private static String article(String code, Locale locale) {
    Matcher m = ARTICLE.matcher(code);
    if (!m.matches()) {
      return code;
    }
    if (!danish(locale)) {
      return "Article " + code;
    }
    StringBuilder text = new StringBuilder("art. ").append(m.group(1));
    Matcher part = PART.matcher(m.group(2));
    String[] names = {", stk. ", ", nr. "};
    int level = 0;
    while (part.find()) {
      String value = part.group(1);
      text.append(value.matches("\\d+") ? names[Math.min(level, 1)] : ", litra ").append(value);
      level++;
    }
    if (m.group(3) != null) {
      text.append('-').append(m.group(3));
    }
    return text.toString();
  }

  /** "a, b og c" in Danish, "a, b and c" in English. */
  public static String join(List<String> items, Locale locale) {
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + (danish(locale) ? " og " : " and ")
        + items.get(items.size() - 1);
  }

  /** A period in words: "5 år", "1 år og 6 måneder", "35 dage" in Danish; "5 years", "35 days" in English. */
  public static String period(Period period, Locale locale) {
    boolean danish = danish(locale);
    List<String> parts = new ArrayList<>();
    if (period.getYears() > 0) {
      parts.add(period.getYears() + (danish ? " år" : period.getYears() == 1 ? " year" : " years"));
    }
    if (period.getMonths() > 0) {
      parts.add(period.getMonths() + (period.getMonths() == 1 ? (danish ? " måned" : " month")
          : (danish ? " måneder" : " months")));
    }
    if (period.getDays() > 0 || parts.isEmpty()) {
      parts.add(period.getDays() + (period.getDays() == 1 ? (danish ? " dag" : " day")
          : (danish ? " dage" : " days")));
    }
    return join(parts, locale);
  }

  /** A sentence that ends with one full stop, however the inserted text ended ("Bogholm & Co."). */
  public static String sentence(String text) {
    String stripped = text.strip();
    return stripped.endsWith(".") || stripped.endsWith("!") || stripped.endsWith("?") ? stripped : stripped + ".";
  }

  private static boolean danish(Locale locale) {
    return !"en".equals(locale.getLanguage());
  }
}
