package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_EXPIRES_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.MESSAGE_EMAIL_CONFIRMED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.MESSAGE_LINK_REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Duration;
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
 * EmailConfirmationProcess.bpmn on its own, one method per path; how the request's process goes on after it is in
 * {@link DataSubjectRequestProcessTest}.
 */
@Deployment(resources = "processes/EmailConfirmationProcess.bpmn")
class EmailConfirmationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final Instant SENT = Instant.parse("2026-01-05T09:00:00Z");

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance confirmation;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(SENT));
    mocks.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void subjectConfirmsByTheLink() {
    sendLink();
    assertThat(confirmation).isWaitingAt("ReceiveTask_AwaitConfirmation");

    correlate(MESSAGE_EMAIL_CONFIRMED);

    assertThat(confirmation).isEnded().hasPassed("EndEvent_EmailConfirmed");
    assertThat(mocks.calls()).containsExactly("sendConfirmationLinkDelegate Task_SendConfirmationLink");
    assertThat(managementService().createJobQuery().count()).as("timers left").isZero();
  }

  @Test
  void reminderGoesOutWhileTheRequestStillWaitsForConfirmation() {
    sendLink();
    Job reminder = timer("BoundaryEvent_ReminderDue");
    assertThat(reminder).hasDueDate(Date.from(SENT.plus(ProcessMocks.REMINDER_AFTER)));
    ClockUtil.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    runJobAt("Task_SendConfirmationReminder");

    assertThat(confirmation).hasPassed("EndEvent_ReminderSent").isWaitingAt("ReceiveTask_AwaitConfirmation");
    assertThat(timer("BoundaryEvent_LinkExpired")).isNotNull();
    assertThat(mocks.calls()).endsWith("sendConfirmationReminderDelegate Task_SendConfirmationReminder");
  }

  @Test
  void linkRequestedAgainIsSentAgainWhileTheRequestStillWaits() {
    sendLink();
    Instant askedAgain = SENT.plus(Duration.ofDays(3));
    ClockUtil.setCurrentTime(Date.from(askedAgain));
    correlate(MESSAGE_LINK_REQUESTED);
    runJobAt("Task_SendConfirmationLinkAgain");

    assertThat(confirmation).hasPassed("EndEvent_LinkSentAgain").isWaitingAt("ReceiveTask_AwaitConfirmation")
        .variables().containsEntry(CONFIRMATION_EXPIRES_AT, Date.from(askedAgain.plus(ProcessMocks.LINK_VALIDITY)));
    assertThat(mocks.calls()).endsWith("sendConfirmationLinkDelegate Task_SendConfirmationLinkAgain");
  }

  /** The error ends the request's process there (see the main process's test); alone, it ends this one. */
  @Test
  void expiredLinkClosesTheRequestAsUnconfirmed() {
    sendLink();
    Job expiry = timer("BoundaryEvent_LinkExpired");
    assertThat(expiry).hasDueDate(Date.from(SENT.plus(ProcessMocks.LINK_VALIDITY)));
    ClockUtil.setCurrentTime(expiry.getDuedate());
    execute(expiry);
    runJobAt("Task_SendUnconfirmedLetter");

    assertThat(confirmation).isEnded().hasPassed("Task_CloseUnconfirmed", "EndEvent_RequestUnconfirmed")
        .hasNotPassed("EndEvent_EmailConfirmed");
    assertThat(mocks.calls()).endsWith(
        "sendLetterDelegate Task_SendUnconfirmedLetter letterKind=UNCONFIRMED",
        "closeRequestDelegate Task_CloseUnconfirmed outcome=UNCONFIRMED");
    assertThat(managementService().createJobQuery().count()).as("jobs left").isZero();
  }

  /** The request's process calls this one; the link goes in a job of its own. */
  private void sendLink() {
    confirmation = runtimeService().startProcessInstanceByKey("EmailConfirmationProcess", REFERENCE);
    runJobAt("Task_SendConfirmationLink");
  }

  private void correlate(String message) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(REFERENCE).correlate();
  }

  private void runJobAt(String activityId) {
    Job job = managementService().createJobQuery().activityId(activityId).singleResult();
    assertThat(job).as("job before %s", activityId).isNotNull();
    execute(job);
  }

  private Job timer(String boundaryEventId) {
    return managementService().createJobQuery().activityId(boundaryEventId).timers().singleResult();
  }
}
