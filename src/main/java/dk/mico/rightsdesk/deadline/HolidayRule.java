package dk.mico.rightsdesk.deadline;

import jakarta.validation.constraints.NotBlank;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * One public holiday, declared as data: either a fixed {@code date} ("MM-dd") or a number of days from Easter Sunday
 * ({@code easterOffset}), in force from {@code fromYear} to {@code untilYear} (both inclusive, both optional).
 */
@ValidHolidayRule
public record HolidayRule(
    @NotBlank String name, String date, Integer easterOffset, Integer fromYear, Integer untilYear) {

  static final DateTimeFormatter DATE_FORMAT = DateTimeFormatter.ofPattern("MM-dd");

  /** The holiday's date in that year, or empty where the rule is not in force (or 29 February in other years). */
  public Optional<LocalDate> dateIn(int year) {
    if (!inForceIn(year)) {
      return Optional.empty();
    }
    if (easterOffset != null) {
      return Optional.of(HolidayCalendar.easterSunday(year).plusDays(easterOffset));
    }
    MonthDay monthDay = parseDate(date);
    return monthDay.isValidYear(year) ? Optional.of(monthDay.atYear(year)) : Optional.empty();
  }

  private boolean inForceIn(int year) {
    return (fromYear == null || year >= fromYear) && (untilYear == null || year <= untilYear);
  }

  /** Parses an "MM-dd" date; throws {@link DateTimeException} when it is not one. */
  static MonthDay parseDate(String text) {
    return MonthDay.parse(text, DATE_FORMAT);
  }
}
