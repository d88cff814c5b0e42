package dk.mico.rightsdesk.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The single place for the due-date rules of GDPR Art 12(3), computed as Regulation (EEC, Euratom) No 1182/71 Art 3
 * requires, in the controller's time zone.
 */
@Component
public class LegalCalendar {

  private final ZoneId zone;
  private final int months;
  private final int extendedMonths;
  private final HolidayCalendar holidayCalendar;

  public LegalCalendar(DeadlineProperties properties) {
    this.zone = properties.zone();
    this.months = properties.months();
    this.extendedMonths = properties.extendedMonths();
    this.holidayCalendar = new HolidayCalendar(properties.holidays());
  }

  /** The controller's time zone, in which every legal date is counted. */
  public ZoneId zone() {
    return zone;
  }

  /** The day the request reached the controller, in the controller's time zone. */
  public LocalDate receiptDate(Instant receivedAt) {
    return LocalDate.ofInstant(receivedAt, zone);
  }

  /** The deadline to answer: one month from receipt. */
  public LocalDate dueDate(Instant receivedAt) {
    return dueDate(receivedAt, false, 0);
  }

  /** The deadline after an extension (Art 12(3)): three months from receipt. */
  public LocalDate extendedDueDate(Instant receivedAt) {
    return dueDate(receivedAt, true, 0);
  }

  /**
   * The deadline in force, with any suspension (EDPB Guidelines 01/2022 §159) added to the end of the period before
   * the last day is moved off a weekend or holiday.
   *
   * @param suspendedDays calendar days the clock was suspended, zero or more
   */
  public LocalDate dueDate(Instant receivedAt, boolean extended, int suspendedDays) {
    if (suspendedDays < 0) {
      throw new IllegalArgumentException("suspendedDays must not be negative: " + suspendedDays);
    }
    // 1182/71 Art 3(1): the day of receipt does not count; Art 3(2)(c): the period ends on the same date in the last
    // month, or on that month's last day where it has no such date (plusMonths does exactly that).
    LocalDate periodEnd = receiptDate(receivedAt).plusMonths(extended ? extendedMonths : months);
    // 1182/71 Art 3(4): a period ending on a Saturday, Sunday or public holiday ends with the next working day.
    return nextWorkingDayFrom(periodEnd.plusDays(suspendedDays));
  }

  /**
   * Whether the first month after receipt is over, after which no extension can be granted (Art 12(3)).
   *
   * <p>The notice of an extension is due "within one month of receipt": that is itself a period under 1182/71, so it
   * ends with the un-extended due date, moved off a weekend or holiday by Art 3(4), at the end of that day in the
   * controller's time zone. Ending it at the unmoved period end would be stricter than the law.
   */
  public boolean firstMonthPassed(Instant receivedAt, Instant now) {
    return !now.isBefore(endOfDay(dueDate(receivedAt)));
  }

  /** The moment a deadline on that date expires: the start of the next day in the controller's time zone. */
  public Instant endOfDay(LocalDate date) {
    return date.plusDays(1).atStartOfDay(zone).toInstant();
  }

  /** The working day that is {@code days} working days after {@code from}; {@code from} itself is not counted. */
  public LocalDate addWorkingDays(LocalDate from, int days) {
    requireNotNegative(days);
    LocalDate date = from;
    for (int counted = 0; counted < days; ) {
      date = date.plusDays(1);
      if (holidayCalendar.isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }

  /** Monday to Friday and not a public holiday: a day that counts in law, whether or not the office is open. */
  public boolean isWorkingDay(LocalDate date) {
    return holidayCalendar.isWorkingDay(date);
  }

  /**
   * The number of working days from {@code from} (included) to {@code toExclusive}; negative when {@code toExclusive}
   * lies before {@code from}, so that an overdue deadline shows as days past.
   */
  public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
    if (toExclusive.isBefore(from)) {
      return -workingDaysBetween(toExclusive, from);
    }
    int count = 0;
    for (LocalDate date = from; date.isBefore(toExclusive); date = date.plusDays(1)) {
      if (holidayCalendar.isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  private LocalDate nextWorkingDayFrom(LocalDate date) {
    LocalDate day = date;
    while (!holidayCalendar.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  private static void requireNotNegative(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
  }
}
