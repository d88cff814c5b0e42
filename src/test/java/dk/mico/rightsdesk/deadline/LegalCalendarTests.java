package dk.mico.rightsdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegalCalendarTests {

  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

  private final LegalCalendar calendar = DanishHolidays.legalCalendar();

  /** A request received at noon in Copenhagen on that date. */
  private static Instant receivedOn(String date) {
    return LocalDate.parse(date).atTime(LocalTime.NOON).atZone(COPENHAGEN).toInstant();
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  @Test
  void defaultsToCopenhagenOneMonthAndThreeMonths() {
    DeadlineProperties properties = DanishHolidays.properties();

    assertThat(properties.zone()).isEqualTo(COPENHAGEN);
    assertThat(properties.months()).isEqualTo(1);
    assertThat(properties.extendedMonths()).isEqualTo(3);
    assertThat(properties.holidays()).hasSize(11);
  }

  /** The examples table of gdpr-rules.md §2. */
  @ParameterizedTest(name = "received {0}, extended {1}: due {2}")
  @CsvSource({
    "2024-03-05T12:00:00+01:00, false, 2024-04-05", // same date next month (EDPB example 32)
    "2025-08-31T12:00:00+02:00, false, 2025-09-30", // no 31 September (EDPB example 33)
    "2025-01-31T12:00:00+01:00, false, 2025-02-28", // last day of February
    "2024-01-31T12:00:00+01:00, false, 2024-02-29", // leap year
    "2026-01-31T12:00:00+01:00, false, 2026-03-02", // 28 Feb 2026 is a Saturday
    "2025-11-25T12:00:00+01:00, false, 2025-12-29", // 25-28 Dec: holidays and a weekend
    "2025-01-31T12:00:00+01:00, true, 2025-04-30", // extended: receipt + 3 months
    "2025-01-31T23:30:00Z, false, 2025-03-03" // received 1 Feb in Copenhagen; 1 Mar is a Saturday
  })
  void computesTheExamplesOfTheRules(Instant receivedAt, boolean extended, LocalDate due) {
    LocalDate computed = extended ? calendar.extendedDueDate(receivedAt) : calendar.dueDate(receivedAt);

    assertThat(computed).isEqualTo(due);
    assertThat(calendar.dueDate(receivedAt, extended, 0)).isEqualTo(due);
  }

  @Test
  void takesTheReceiptDateInCopenhagen() {
    Instant receivedAt = Instant.parse("2025-01-31T23:30:00Z");

    assertThat(calendar.receiptDate(receivedAt)).isEqualTo(date("2025-02-01"));
    assertThat(calendar.extendedDueDate(receivedAt)).isEqualTo(date("2025-05-01")); // 1 May is no holiday
  }

  @Nested
  class HolidaysMoveTheDeadline {

    @ParameterizedTest(name = "received {0}: due {1}")
    @CsvSource({
      "2025-03-17, 2025-04-22", // Skærtorsdag
      "2025-03-18, 2025-04-22", // Langfredag
      "2025-03-19, 2025-04-22", // the Saturday of Easter
      "2025-03-20, 2025-04-22", // Påskedag
      "2025-03-21, 2025-04-22", // 2. påskedag
      "2025-03-22, 2025-04-22", // the first working day after Easter needs no move
      "2027-02-25, 2027-03-30", // Skærtorsdag 2027 (Easter 28 March)
      "2025-04-29, 2025-05-30", // Kristi himmelfartsdag 2025
      "2026-04-14, 2026-05-15", // Kristi himmelfartsdag 2026
      "2025-05-08, 2025-06-10", // Pinsedag (a Sunday)
      "2025-05-09, 2025-06-10", // 2. pinsedag
      "2024-11-25, 2024-12-27", // Juledag (Wednesday) and 2. juledag
      "2024-11-26, 2024-12-27", // 2. juledag
      "2025-12-01, 2026-01-02", // Nytårsdag 2026 (Thursday)
      "2026-12-01, 2027-01-04", // Nytårsdag 2027 (Friday), then a weekend
      "2023-04-05, 2023-05-08", // Store bededag 2023 (Friday), then a weekend
      "2024-03-26, 2024-04-26", // Store bededag 2024 no longer exists: a working Friday
      "2024-11-24, 2024-12-24", // Juleaften is no holiday
      "2025-04-01, 2025-05-01", // 1 May is no holiday
      "2025-05-05, 2025-06-05" // Grundlovsdag is no holiday
    })
    void rollsToTheNextWorkingDayOnlyForPublicHolidaysAndWeekends(String received, LocalDate due) {
      assertThat(calendar.dueDate(receivedOn(received))).isEqualTo(due);
    }

    @Test
    void nytaarsaftensdagDoesNotMoveADeadline() {
      // 30 Nov + 1 month = 30 Dec, plus one suspended day: 31 Dec, a Wednesday
      assertThat(calendar.dueDate(receivedOn("2025-11-30"), false, 1)).isEqualTo(date("2025-12-31"));
    }

    @Test
    void rollsAnExtendedDeadlineToo() {
      // 17 Jan + 3 months = 17 April 2025, Skærtorsdag
      assertThat(calendar.extendedDueDate(receivedOn("2025-01-17"))).isEqualTo(date("2025-04-22"));
    }
  }

  @Nested
  class SuspendedDays {

    @Test
    void areAddedToThePeriod() {
      assertThat(calendar.dueDate(receivedOn("2025-03-05"), false, 10)).isEqualTo(date("2025-04-15"));
    }

    @Test
    void areAddedBeforeTheMoveToAWorkingDay() {
      // 10 April + 7 days = Skærtorsdag: rolls over the whole Easter block
      assertThat(calendar.dueDate(receivedOn("2025-03-10"), false, 7)).isEqualTo(date("2025-04-22"));
      // 26 Dec 2025 is a holiday, but with a day of suspension the period ends on Saturday 27 Dec: still Monday 29
      assertThat(calendar.dueDate(receivedOn("2025-11-26"), false, 1)).isEqualTo(date("2025-12-29"));
    }

    @Test
    void areAddedAfterTheMonthEnd() {
      // 31 Jan + 1 month = 28 Feb; + 2 days = Sunday 2 March; next working day Monday 3 March
      assertThat(calendar.dueDate(receivedOn("2025-01-31"), false, 2)).isEqualTo(date("2025-03-03"));
    }

    @Test
    void extendAnExtendedDeadline() {
      assertThat(calendar.dueDate(receivedOn("2025-01-31"), true, 5)).isEqualTo(date("2025-05-05"));
    }

    @Test
    void cannotBeNegative() {
      assertThatThrownBy(() -> calendar.dueDate(receivedOn("2025-01-31"), false, -1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Nested
  class TimeZone {

    @ParameterizedTest(name = "{0} is received on {1}")
    @CsvSource({
      "2025-01-31T22:59:59Z, 2025-01-31",
      "2025-01-31T23:00:00Z, 2025-02-01", // midnight in winter is 23:00 UTC
      "2025-02-01T00:30:00+01:00, 2025-02-01",
      // summer time starts Sunday 30 March 2025 at 02:00
      "2025-03-29T22:59:59Z, 2025-03-29",
      "2025-03-29T23:00:00Z, 2025-03-30",
      "2025-03-30T01:00:00Z, 2025-03-30", // 03:00 summer time, the first moment after the gap
      "2025-03-30T21:59:59Z, 2025-03-30",
      "2025-03-30T22:00:00Z, 2025-03-31", // midnight in summer is 22:00 UTC
      // summer time ends Sunday 26 October 2025 at 03:00
      "2025-10-25T21:59:59Z, 2025-10-25",
      "2025-10-25T22:00:00Z, 2025-10-26",
      "2025-10-26T00:30:00Z, 2025-10-26", // the first 02:30 of that night
      "2025-10-26T01:30:00Z, 2025-10-26", // the second 02:30 of that night
      "2025-10-26T22:59:59Z, 2025-10-26",
      "2025-10-26T23:00:00Z, 2025-10-27"
    })
    void takesTheReceiptDateInCopenhagenAcrossDaylightSavingChanges(Instant receivedAt, LocalDate receipt) {
      assertThat(calendar.receiptDate(receivedAt)).isEqualTo(receipt);
    }

    @Test
    void aRequestJustBeforeMidnightHasAnEarlierDeadlineThanOneJustAfter() {
      // 29 Sept 2025 23:59:59 in Copenhagen (summer time) and one second later
      assertThat(calendar.dueDate(Instant.parse("2025-09-29T21:59:59Z"))).isEqualTo(date("2025-10-29"));
      assertThat(calendar.dueDate(Instant.parse("2025-09-29T22:00:00Z"))).isEqualTo(date("2025-10-30"));
    }

    @ParameterizedTest(name = "{0} ends at {1}")
    @CsvSource({
      "2025-02-28, 2025-02-28T23:00:00Z",
      "2025-03-29, 2025-03-29T23:00:00Z", // the next day starts in winter time
      "2025-03-30, 2025-03-30T22:00:00Z", // a day of 23 hours
      "2025-10-25, 2025-10-25T22:00:00Z",
      "2025-10-26, 2025-10-26T23:00:00Z" // a day of 25 hours
    })
    void endsADayAtTheNextMidnightInCopenhagen(LocalDate date, Instant end) {
      assertThat(calendar.endOfDay(date)).isEqualTo(end);
    }
  }

  @Nested
  class FirstMonth {

    // received 1 Feb 2025 in Copenhagen; period end Saturday 1 March, due Monday 3 March
    private final Instant receivedAt = Instant.parse("2025-01-31T23:30:00Z");

    @Test
    void lastsUntilTheEndOfTheUnextendedDueDate() {
      assertThat(calendar.firstMonthPassed(receivedAt, Instant.parse("2025-02-15T10:00:00Z"))).isFalse();
      assertThat(calendar.firstMonthPassed(receivedAt, Instant.parse("2025-03-02T12:00:00Z"))).isFalse();
      assertThat(calendar.firstMonthPassed(receivedAt, Instant.parse("2025-03-03T22:59:59Z"))).isFalse();
    }

    @Test
    void hasPassedFromMidnightAfterTheDueDate() {
      assertThat(calendar.firstMonthPassed(receivedAt, Instant.parse("2025-03-03T23:00:00Z"))).isTrue();
      assertThat(calendar.firstMonthPassed(receivedAt, Instant.parse("2025-04-01T08:00:00Z"))).isTrue();
    }
  }

  @Nested
  class WorkingDays {

    @Test
    void addsWorkingDaysOverWeekendsAndHolidays() {
      LocalDate fridayBeforeEaster = date("2025-04-11");

      assertThat(calendar.addWorkingDays(fridayBeforeEaster, 0)).isEqualTo(fridayBeforeEaster);
      assertThat(calendar.addWorkingDays(fridayBeforeEaster, 1)).isEqualTo(date("2025-04-14"));
      assertThat(calendar.addWorkingDays(fridayBeforeEaster, 3)).isEqualTo(date("2025-04-16"));
      assertThat(calendar.addWorkingDays(fridayBeforeEaster, 4)).isEqualTo(date("2025-04-22"));
      assertThat(calendar.addWorkingDays(fridayBeforeEaster, 5)).isEqualTo(date("2025-04-23"));
    }

    @Test
    void countsWorkingDaysInAHalfOpenRange() {
      assertThat(calendar.workingDaysBetween(date("2025-04-14"), date("2025-04-23"))).isEqualTo(4);
      assertThat(calendar.workingDaysBetween(date("2025-12-22"), date("2025-12-29"))).isEqualTo(3);
      assertThat(calendar.workingDaysBetween(date("2025-04-14"), date("2025-04-14"))).isZero();
      assertThat(calendar.workingDaysBetween(date("2025-04-19"), date("2025-04-22"))).isZero();
    }

    @Test
    void countsNegativeWhenTheEndLiesBeforeTheStart() {
      assertThat(calendar.workingDaysBetween(date("2025-04-23"), date("2025-04-14"))).isEqualTo(-4);
    }

    @Test
    void addingAndCountingAgree() {
      LocalDate start = date("2025-12-15");
      for (int days = 0; days <= 40; days++) {
        LocalDate later = calendar.addWorkingDays(start, days);
        assertThat(calendar.workingDaysBetween(start, later)).as("%d days", days).isEqualTo(days);
      }
    }

    @Test
    void refuseNegativeDays() {
      assertThatThrownBy(() -> calendar.addWorkingDays(date("2025-04-14"), -1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
