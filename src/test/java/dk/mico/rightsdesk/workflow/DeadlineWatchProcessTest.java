package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DeadlineWatchProcess.bpmn on its own, one method per path. The request's process planning it again when the
 * deadline moves, and ending it at closing, is in {@link DataSubjectRequestProcessTest}.
 */
@Deployment(resources = "processes/DeadlineWatchProcess.bpmn")
class DeadlineWatchProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final Instant RECEIVED = Instant.parse("2026-01-05T09:00:00Z");
  /** The watch as the record plans it for a deadline on Thursday 5 February: 7 and 2 working days before at 08:00. */
  private static final ProcessMocks.WatchPlan PLAN = new ProcessMocks.WatchPlan(date("2026-02-05T22:59:59Z"),
      date("2026-01-27T07:00:00Z"), date("2026-02-03T07:00:00Z"), date("2026-02-05T23:00:00Z"));

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance watch;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    mocks.register();
    mocks.plan(PLAN);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void officersAreRemindedAndManagementWarnedBeforeTheDeadline() {
    startWatch();

    Job firstReminder = timer("Event_FirstReminderDue");
    assertThat(firstReminder).hasDueDate(PLAN.firstReminderAt());
    fire(firstReminder);
    runJobAt("Task_RemindOfficer");
    Job finalWarning = timer("Event_FinalWarningDue");
    assertThat(finalWarning).hasDueDate(PLAN.finalWarningAt());
    fire(finalWarning);
    runJobAt("Task_WarnOfficersAndManagement");

    assertThat(timer("Event_DeadlinePassed")).hasDueDate(PLAN.overdueAt());
    assertThat(watch).isWaitingAt("Event_DeadlinePassed");
    assertThat(mocks.calls()).containsExactly(
        "planDeadlineWatchDelegate Task_PlanDeadlineWatch",
        "notifyStaffDelegate Task_RemindOfficer notice=OFFICER_REMINDER",
        "notifyStaffDelegate Task_WarnOfficersAndManagement notice=FINAL_WARNING");
  }

  @Test
  void overdueRequestIsMarkedAndManagementToldAtOnceAndEveryWorkingDayMorning() {
    startWatch();
    fire(timer("Event_FirstReminderDue"));
    runJobAt("Task_RemindOfficer");
    fire(timer("Event_FinalWarningDue"));
    runJobAt("Task_WarnOfficersAndManagement");

    // Thursday's deadline passes at midnight: marked overdue, management told at once, again Friday morning
    Date fridayMorning = date("2026-02-06T07:00:00Z");
    mocks.nextEscalationAt(fridayMorning);
    fire(timer("Event_DeadlinePassed"));
    runJobAt("Task_TellManagementOverdue");
    assertThat(watch).isWaitingAt("Event_NextWorkingDayMorning");
    assertThat(timer("Event_NextWorkingDayMorning")).hasDueDate(fridayMorning);

    Date mondayMorning = date("2026-02-09T07:00:00Z");
    mocks.nextEscalationAt(mondayMorning);
    fire(timer("Event_NextWorkingDayMorning"));
    runJobAt("Task_TellManagementOverdue");
    assertThat(timer("Event_NextWorkingDayMorning")).hasDueDate(mondayMorning);
    assertThat(mocks.calls()).containsSubsequence(
        "recordOverdueDelegate Task_RecordOverdue",
        "notifyStaffDelegate Task_TellManagementOverdue notice=OVERDUE",
        "recordOverdueDelegate Task_RecordOverdue",
        "notifyStaffDelegate Task_TellManagementOverdue notice=OVERDUE");

    // once the record says it is no longer overdue, the watch ends
    mocks.stillOverdue(false);
    fire(timer("Event_NextWorkingDayMorning"));
    assertThat(watch).isEnded().hasPassed("EndEvent_NoLongerOverdue");
    assertThat(managementService().createJobQuery().count()).as("jobs left").isZero();
  }

  /** The request's process calls it with its reference as the business key. */
  private void startWatch() {
    watch = runtimeService().startProcessInstanceByKey("DeadlineWatchProcess", REFERENCE);
  }

  private void runJobAt(String activityId) {
    Job job = managementService().createJobQuery().activityId(activityId).singleResult();
    assertThat(job).as("job before %s", activityId).isNotNull();
    execute(job);
  }

  /** Moves the clock to the timer's due date and lets it fire, as the job executor would. */
  private void fire(Job timer) {
    assertThat(timer).as("timer").isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  private Job timer(String eventId) {
    return managementService().createJobQuery().activityId(eventId).timers().singleResult();
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
