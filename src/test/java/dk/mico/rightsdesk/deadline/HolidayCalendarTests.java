package dk.mico.rightsdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayCalendarTests {

  private final HolidayCalendar calendar = DanishHolidays.holidayCalendar();

  @ParameterizedTest
  @CsvSource({
    "1818, 1818-03-22", // the earliest possible date
    "1943, 1943-04-25", // the latest possible date
    "2000, 2000-04-23",
    "2008, 2008-03-23",
    "2019, 2019-04-21",
    "2023, 2023-04-09",
    "2024, 2024-03-31",
    "2025, 2025-04-20",
    "2026, 2026-04-05",
    "2027, 2027-03-28",
    "2038, 2038-04-25",
    "2285, 2285-03-22"
  })
  void computesEasterSunday(int year, LocalDate easter) {
    assertThat(HolidayCalendar.easterSunday(year)).isEqualTo(easter);
  }

  @Test
  void easterIsAlwaysASundayBetween22MarchAnd25April() {
    for (int year = 1583; year <= 4099; year++) {
      LocalDate easter = HolidayCalendar.easterSunday(year);
      assertThat(easter.getDayOfWeek()).as("Easter %d", year).isEqualTo(DayOfWeek.SUNDAY);
      assertThat(MonthDay.from(easter))
          .as("Easter %d", year)
          .isBetween(MonthDay.of(3, 22), MonthDay.of(4, 25));
    }
  }

  @Test
  void refusesYearsBeforeTheGregorianCalendar() {
    assertThatThrownBy(() -> HolidayCalendar.easterSunday(1582)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void listsTheDanishHolidaysOf2025ByDate() {
    assertThat(calendar.holidaysIn(2025))
        .containsExactly(
            new PublicHoliday("Nytårsdag", LocalDate.of(2025, 1, 1)),
            new PublicHoliday("Skærtorsdag", LocalDate.of(2025, 4, 17)),
            new PublicHoliday("Langfredag", LocalDate.of(2025, 4, 18)),
            new PublicHoliday("Påskedag", LocalDate.of(2025, 4, 20)),
            new PublicHoliday("2. påskedag", LocalDate.of(2025, 4, 21)),
            new PublicHoliday("Kristi himmelfartsdag", LocalDate.of(2025, 5, 29)),
            new PublicHoliday("Pinsedag", LocalDate.of(2025, 6, 8)),
            new PublicHoliday("2. pinsedag", LocalDate.of(2025, 6, 9)),
            new PublicHoliday("Juledag", LocalDate.of(2025, 12, 25)),
            new PublicHoliday("2. juledag", LocalDate.of(2025, 12, 26)));
  }

  @Test
  void storeBededagIsAHolidayUpTo2023Only() {
    assertThat(calendar.holidaysIn(2023)).contains(new PublicHoliday("Store bededag", LocalDate.of(2023, 5, 5)));
    assertThat(calendar.isPublicHoliday(LocalDate.of(2023, 5, 5))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2023, 5, 5))).isFalse();

    assertThat(calendar.holidaysIn(2024)).extracting(PublicHoliday::name).doesNotContain("Store bededag");
    assertThat(calendar.isPublicHoliday(LocalDate.of(2024, 4, 26))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 26))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-12-24", // Juleaften
        "2025-12-31", // Nytårsaftensdag
        "2025-05-01", // 1 May
        "2025-06-05", // Grundlovsdag
        "2025-05-30" // the Friday after Kristi himmelfartsdag, often a day off but not a holiday
      })
  void daysOffByCustomAreWorkingDays(LocalDate date) {
    assertThat(calendar.isPublicHoliday(date)).isFalse();
    assertThat(calendar.isWorkingDay(date)).isTrue();
  }

  @Test
  void weekendsAreNotWorkingDays() {
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 1))).isFalse(); // Saturday
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 2))).isFalse(); // Sunday
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 3, 3))).isTrue(); // Monday
  }

  @Test
  void appliesTheYearRangeOfARule() {
    HolidayCalendar withTemporaryHoliday =
        new HolidayCalendar(List.of(new HolidayRule("Midlertidig", "06-16", null, 2030, 2031)));

    assertThat(withTemporaryHoliday.isPublicHoliday(LocalDate.of(2029, 6, 16))).isFalse();
    assertThat(withTemporaryHoliday.isPublicHoliday(LocalDate.of(2030, 6, 16))).isTrue();
    assertThat(withTemporaryHoliday.isPublicHoliday(LocalDate.of(2031, 6, 16))).isTrue();
    assertThat(withTemporaryHoliday.isPublicHoliday(LocalDate.of(2032, 6, 16))).isFalse();
  }

  @Test
  void aFixedLeapDayIsAHolidayInLeapYearsOnly() {
    HolidayCalendar withLeapDay = new HolidayCalendar(List.of(new HolidayRule("Skuddag", "02-29", null, null, null)));

    assertThat(withLeapDay.holidaysIn(2024)).containsExactly(new PublicHoliday("Skuddag", LocalDate.of(2024, 2, 29)));
    assertThat(withLeapDay.holidaysIn(2025)).isEmpty();
  }
}
