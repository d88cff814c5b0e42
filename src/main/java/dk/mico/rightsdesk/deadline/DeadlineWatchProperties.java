package dk.mico.rightsdesk.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The deadline watch ({@code rightsdesk.deadlines.*}): who is told what, and when, around each request's legal
 * deadline, and the suspension of the clock while identity information is awaited (gdpr-rules.md §2).
 *
 * @param officerAddress where reminders to the GDPR officers go (a shared mailbox)
 * @param managementAddress where warnings and overdue notices to management go
 * @param firstReminderWorkingDays the officer's first reminder, working days before the deadline
 * @param finalWarningWorkingDays the officer's second reminder and management's warning, working days before
 * @param noticeTime the time of day (in the controller's time zone) reminders and daily escalations go out
 * @param suspension the pause of the clock while the subject is asked for identity information
 * @param feeAnswerWithin how long the subject has to answer a fee letter (Art 12(5)) before the request is refused
 * @param closingDays the company's closing days ("MM-dd", every year): working days in law, but nobody is in the
 *     office, so reminders and warnings are brought forward past them; they never move the legal deadline (F42)
 */
@Validated
@ConfigurationProperties("rightsdesk.deadlines")
public record DeadlineWatchProperties(
    @NotBlank @Email String officerAddress,
    @NotBlank @Email String managementAddress,
    @Min(1) @DefaultValue("7") int firstReminderWorkingDays,
    @Min(1) @DefaultValue("2") int finalWarningWorkingDays,
    @NotNull @DefaultValue("08:00") LocalTime noticeTime,
    @Valid @NotNull @DefaultValue Suspension suspension,
    @NotNull @DefaultValue("P30D") Period feeAnswerWithin,
    @NotNull @DefaultValue({"06-05", "12-24", "12-31"}) List<String> closingDays) {

  /**
   * Decision (gdpr-rules.md §2): the clock pauses while the subject is asked for identity information, but only
   * when the request went out without undue delay.
   *
   * @param enabled whether a request for identity information can pause the clock at all
   * @param withinWorkingDays the request pauses the clock only when sent within this many working days of receipt
   * @param replyWithin how long the subject has to answer before the request closes as unverifiable (Art 12(4))
   */
  public record Suspension(
      @DefaultValue("true") boolean enabled,
      @Min(0) @DefaultValue("3") int withinWorkingDays,
      @NotNull @DefaultValue("P30D") Duration replyWithin) {}

  public DeadlineWatchProperties {
    if (finalWarningWorkingDays >= firstReminderWorkingDays) {
      throw new IllegalArgumentException("rightsdesk.deadlines.final-warning-working-days must be fewer than "
          + "first-reminder-working-days");
    }
    closingDays = List.copyOf(closingDays);
    closingDays.forEach(DeadlineWatchProperties::requireMonthDay);
  }

  /** Whether the office is closed on that date by the company's own calendar (not a public holiday). */
  public boolean isClosingDay(LocalDate date) {
    MonthDay monthDay = MonthDay.from(date);
    return closingDays.stream().map(HolidayRule::parseDate).anyMatch(monthDay::equals);
  }

  private static void requireMonthDay(String closingDay) {
    try {
      HolidayRule.parseDate(closingDay);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("rightsdesk.deadlines.closing-days: \"" + closingDay
          + "\" is not a month and day (MM-dd)", e);
    }
  }
}
