package dk.mico.rightsdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the deadline watch acts: working days back from the deadline, mornings and midnight in Copenhagen. */
class DeadlineWatchTests {

  private final DeadlineWatch watch = watchClosedOn(List.of());

  /** The default closing days: Grundlovsdag, Juleaften and Nytårsaftensdag. */
  private final DeadlineWatch companyWatch = watchClosedOn(List.of("06-05", "12-24", "12-31"));

  private static DeadlineWatch watchClosedOn(List<String> closingDays) {
    return new DeadlineWatch(DanishHolidays.legalCalendar(), properties(7, 2, closingDays));
  }

  private static DeadlineWatchProperties properties(int firstReminder, int finalWarning, List<String> closingDays) {
    return new DeadlineWatchProperties("gdpr@mico.dk", "management@mico.dk", firstReminder, finalWarning,
        LocalTime.of(8, 0), new DeadlineWatchProperties.Suspension(true, 3, Duration.ofDays(30)), Period.ofDays(30),
        closingDays);
  }

  @Test
  void remindersCountWorkingDaysBackAndGoOutAtEightInCopenhagen() {
    // due Thursday 5 February 2026 (winter time, UTC+1)
    DeadlineWatch.Plan plan = watch.plan(LocalDate.of(2026, 2, 5));

    assertThat(plan.firstReminderAt()).isEqualTo(Instant.parse("2026-01-27T07:00:00Z"));
    assertThat(plan.finalWarningAt()).isEqualTo(Instant.parse("2026-02-03T07:00:00Z"));
    assertThat(plan.overdueAt()).isEqualTo(Instant.parse("2026-02-05T23:00:00Z"));
    assertThat(plan.taskDueAt()).isEqualTo(Instant.parse("2026-02-05T22:59:59Z"));
  }

  @Test
  void holidaysAndSummerTimeAreTakenIntoAccount() {
    // due Thursday 9 April 2026, after Easter (2-6 April: Skærtorsdag to 2. påskedag), summer time (UTC+2)
    DeadlineWatch.Plan plan = watch.plan(LocalDate.of(2026, 4, 9));

    assertThat(plan.finalWarningAt()).as("Tue 7 April").isEqualTo(Instant.parse("2026-04-07T06:00:00Z"));
    assertThat(plan.firstReminderAt()).as("Thu 26 March, seven working days back past Easter, still winter time")
        .isEqualTo(Instant.parse("2026-03-26T07:00:00Z"));
    assertThat(plan.overdueAt()).isEqualTo(Instant.parse("2026-04-09T22:00:00Z"));
  }

  @Test
  void aDailyNoticeToManagementGoesOnOfficeDaysFromTheNoticeTimeOn() {
    // Tuesday 3 February 2026, eight in Copenhagen is 07:00 UTC
    assertThat(companyWatch.dailyNoticeDue(Instant.parse("2026-02-03T06:59:59Z"))).as("before eight").isFalse();
    assertThat(companyWatch.dailyNoticeDue(Instant.parse("2026-02-03T07:00:00Z"))).as("at eight").isTrue();
    assertThat(companyWatch.dailyNoticeDue(Instant.parse("2026-02-03T22:59:59Z"))).as("late that day").isTrue();
    assertThat(companyWatch.dailyNoticeDue(Instant.parse("2026-02-07T10:00:00Z"))).as("Saturday").isFalse();
    assertThat(companyWatch.dailyNoticeDue(Instant.parse("2026-04-03T10:00:00Z"))).as("Good Friday").isFalse();
    assertThat(companyWatch.dailyNoticeDue(Instant.parse("2026-12-24T10:00:00Z"))).as("a closing day").isFalse();
    assertThat(watch.dailyNoticeDue(Instant.parse("2026-12-24T10:00:00Z"))).as("open that day").isTrue();
  }

  @Test
  void overdueEscalationGoesOutOnTheNextWorkingDayMorning() {
    // at midnight Thursday -> Friday, the same morning is the next one
    assertThat(watch.nextEscalation(Instant.parse("2026-02-05T23:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-06T07:00:00Z"));
    // Friday after eight -> Monday morning
    assertThat(watch.nextEscalation(Instant.parse("2026-02-06T07:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-09T07:00:00Z"));
    // on a Saturday night -> Monday morning
    assertThat(watch.nextEscalation(Instant.parse("2026-02-07T23:30:00Z")))
        .isEqualTo(Instant.parse("2026-02-09T07:00:00Z"));
    // Christmas: 24 December 2026 is a Thursday -> Monday 28 December (25 and 26 are holidays)
    assertThat(watch.nextEscalation(Instant.parse("2026-12-24T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-12-28T07:00:00Z"));
  }

  @Test
  void workingDaysLeftCountTheLastDay() {
    assertThat(watch.workingDaysLeft(LocalDate.of(2026, 2, 5), Instant.parse("2026-02-03T07:00:00Z"))).isEqualTo(3);
    assertThat(watch.workingDaysLeft(LocalDate.of(2026, 2, 5), Instant.parse("2026-02-05T10:00:00Z"))).isEqualTo(1);
  }

  @Test
  void theFinalWarningMustComeAfterTheFirstReminder() {
    assertThatThrownBy(() -> properties(2, 2, List.of())).hasMessageContaining("final-warning-working-days");
  }

  @Test
  void aDeadlineOnAClosingDayBringsTheRemindersForwardButStaysWhereItIs() {
    // due Thursday 24 December 2026 (Juleaften): a working day in law, but the office's last day is the 23rd
    DeadlineWatch.Plan plan = companyWatch.plan(LocalDate.of(2026, 12, 24));

    assertThat(plan.dueDate()).isEqualTo(LocalDate.of(2026, 12, 24));
    assertThat(plan.overdueAt()).as("the legal deadline is untouched").isEqualTo(Instant.parse("2026-12-24T23:00:00Z"));
    assertThat(plan.finalWarningAt()).as("Mon 21 December: two office days before Wed 23")
        .isEqualTo(Instant.parse("2026-12-21T07:00:00Z"));
    assertThat(plan.firstReminderAt()).as("Mon 14 December").isEqualTo(Instant.parse("2026-12-14T07:00:00Z"));
    // without closing days the same deadline is warned of on Tue 22 and reminded of on Tue 15 December
    assertThat(watch.plan(LocalDate.of(2026, 12, 24)).finalWarningAt())
        .isEqualTo(Instant.parse("2026-12-22T07:00:00Z"));
  }

  @Test
  void aReminderThatWouldFallOnAClosingDayComesTheOfficeDayBefore() {
    // due Tuesday 9 June 2026: two working days back is Friday 5 June, Grundlovsdag
    assertThat(watch.plan(LocalDate.of(2026, 6, 9)).finalWarningAt()).isEqualTo(Instant.parse("2026-06-05T06:00:00Z"));
    assertThat(companyWatch.plan(LocalDate.of(2026, 6, 9)).finalWarningAt())
        .as("Thursday 4 June").isEqualTo(Instant.parse("2026-06-04T06:00:00Z"));
  }

  @Test
  void newYearsEveAndChristmasAreSkippedTogether() {
    // due Thursday 31 December 2026: the office's last day is Wednesday 30; 24-27 December are closed
    DeadlineWatch.Plan plan = companyWatch.plan(LocalDate.of(2026, 12, 31));

    assertThat(plan.finalWarningAt()).as("Monday 28 December").isEqualTo(Instant.parse("2026-12-28T07:00:00Z"));
    assertThat(plan.overdueAt()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
  }

  @Test
  void aClosingDayMustBeAMonthAndDay() {
    assertThatThrownBy(() -> properties(7, 2, List.of("24-12")))
        .hasMessageContaining("rightsdesk.deadlines.closing-days").hasMessageContaining("24-12");
  }
}
