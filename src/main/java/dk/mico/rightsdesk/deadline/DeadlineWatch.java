package dk.mico.rightsdesk.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.springframework.stereotype.Component;

/**
 * When the deadline watch acts around a due date: the officer's reminders and management's warning a set number of
 * working days before it, in the morning in the controller's time zone; overdue the moment the last day ends; then
 * every working-day morning while it stays so. A company closing day may move a reminder, never the legal date:
 * reminders count office days (working days the office is open) back from the last office day of the deadline, so
 * that neither the reminder nor the officer's last day to act falls on a day nobody is in (F42).
 */
@Component
public class DeadlineWatch {

  /** The moments the watch acts for one deadline in force. */
  public record Plan(LocalDate dueDate, Instant taskDueAt, Instant firstReminderAt, Instant finalWarningAt,
      Instant overdueAt) {}

  private final LegalCalendar calendar;
  private final DeadlineWatchProperties properties;

  public DeadlineWatch(LegalCalendar calendar, DeadlineWatchProperties properties) {
    this.calendar = calendar;
    this.properties = properties;
  }

  public Plan plan(LocalDate dueDate) {
    Instant overdueAt = calendar.endOfDay(dueDate);
    return new Plan(
        dueDate,
        // the last second of the deadline: Tasklist sorts and flags by it
        overdueAt.minusSeconds(1),
        morningOf(officeDaysBefore(dueDate, properties.firstReminderWorkingDays())),
        morningOf(officeDaysBefore(dueDate, properties.finalWarningWorkingDays())),
        overdueAt);
  }

  /**
   * When the subject's time to answer a fee letter delivered at {@code deliveredAt} runs out: at the end of the day
   * (in the controller's time zone) {@code rightsdesk.deadlines.fee-answer-within} later.
   */
  public Instant feeAnswerDueAt(Instant deliveredAt) {
    return calendar.endOfDay(calendar.receiptDate(deliveredAt).plus(properties.feeAnswerWithin()));
  }

  /** The next working-day morning strictly after {@code now}: when an overdue request is escalated again. */
  public Instant nextEscalation(Instant now) {
    LocalDate today = calendar.receiptDate(now);
    Instant todayMorning = morningOf(today);
    if (now.isBefore(todayMorning) && calendar.isWorkingDay(today)) {
      return todayMorning;
    }
    return morningOf(calendar.addWorkingDays(today, 1));
  }

  /**
   * Whether a daily notice to management may go now: on an office day, from the morning's notice time on (a notice
   * that could not go then goes later the same day).
   */
  public boolean dailyNoticeDue(Instant now) {
    LocalDate today = calendar.receiptDate(now);
    return isOfficeDay(today) && !now.isBefore(morningOf(today));
  }

  /** Working days from today until the deadline's last day, counting that day: what a reminder says is left. */
  public int workingDaysLeft(LocalDate dueDate, Instant now) {
    return calendar.workingDaysBetween(calendar.receiptDate(now), dueDate.plusDays(1));
  }

  /** The office day {@code days} office days before the deadline's last office day (the due date when open). */
  private LocalDate officeDaysBefore(LocalDate dueDate, int days) {
    LocalDate date = dueDate;
    while (!isOfficeDay(date)) {
      date = date.minusDays(1);
    }
    for (int counted = 0; counted < days; ) {
      date = date.minusDays(1);
      if (isOfficeDay(date)) {
        counted++;
      }
    }
    return date;
  }

  private boolean isOfficeDay(LocalDate date) {
    return calendar.isWorkingDay(date) && !properties.isClosingDay(date);
  }

  private Instant morningOf(LocalDate day) {
    return ZonedDateTime.of(day, properties.noticeTime(), calendar.zone()).toInstant();
  }
}
