package dk.mico.rightsdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates in words, Danish times and Danish article notation (F7, F38, F40). */
class WordingTests {

  private static final Locale DA = Locale.forLanguageTag("da");
  private static final Locale EN = Locale.ENGLISH;

  @Test
  void f7_datesAreWrittenInWords() {
    LocalDate date = LocalDate.of(2026, 12, 4);

    assertThat(Wording.date(date, DA)).isEqualTo("4. december 2026");
    assertThat(Wording.date(date, EN)).isEqualTo("4 December 2026");
  }

  @Test
  void f40_aDanishTimeIsKlWithAFullStop() {
    ZonedDateTime time = ZonedDateTime.of(2026, 12, 11, 13, 24, 0, 0, ZoneId.of("Europe/Copenhagen"));

    assertThat(Wording.dateTime(time, DA)).isEqualTo("11. december 2026 kl. 13.24");
    assertThat(Wording.dateTime(time, EN)).isEqualTo("11 December 2026 at 13:24");
  }

  @Test
  void f38_articlesAreWrittenInDanishLegalNotation() {
    assertThat(Wording.articles("17(3)(b)", DA)).isEqualTo("art. 17, stk. 3, litra b");
    assertThat(Wording.articles("7(3)", DA)).isEqualTo("art. 7, stk. 3");
    assertThat(Wording.articles("18(1)(b)-(c)", DA)).isEqualTo("art. 18, stk. 1, litra b-c");
    assertThat(Wording.articles("17(1)(b), 21(3)", DA)).isEqualTo("art. 17, stk. 1, litra b og art. 21, stk. 3");
    assertThat(Wording.articles("21", DA)).isEqualTo("art. 21");
  }

  @Test
  void f38_articlesInEnglishKeepTheRegulationsNotation() {
    assertThat(Wording.articles("17(3)(b)", EN)).isEqualTo("Article 17(3)(b)");
    assertThat(Wording.articles("17(1)(b), 21(3)", EN)).isEqualTo("Article 17(1)(b) and Article 21(3)");
  }

  @Test
  void textThatIsNotAnArticleCodeIsKept() {
    assertThat(Wording.articles("bogføringslovens § 10", DA)).isEqualTo("bogføringslovens § 10");
    assertThat(Wording.articles(null, DA)).isEmpty();
  }

  @Test
  void f40_aSentenceEndsWithOneFullStop() {
    assertThat(Wording.sentence("Revisionsfirmaet Bogholm & Co.")).isEqualTo("Revisionsfirmaet Bogholm & Co.");
    assertThat(Wording.sentence("Serverhallen Nord ApS")).isEqualTo("Serverhallen Nord ApS.");
  }

  @Test
  void listsEndWithTheLanguagesAnd() {
    assertThat(Wording.join(List.of("a", "b", "c"), DA)).isEqualTo("a, b og c");
    assertThat(Wording.join(List.of("a", "b"), EN)).isEqualTo("a and b");
    assertThat(Wording.join(List.of("a"), EN)).isEqualTo("a");
  }

  @Test
  void periodsAreWrittenInWords() {
    assertThat(Wording.period(Period.ofDays(35), DA)).isEqualTo("35 dage");
    assertThat(Wording.period(Period.ofDays(1), EN)).isEqualTo("1 day");
    assertThat(Wording.period(Period.of(1, 6, 0), DA)).isEqualTo("1 år og 6 måneder");
    assertThat(Wording.period(Period.ofYears(5), EN)).isEqualTo("5 years");
    assertThat(Wording.period(Period.ZERO, EN)).isEqualTo("0 days");
  }
}
