package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
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
 * InboundEmailProcess.bpmn: an e-mail of the GDPR mailbox is flagged in the mailbox by a job of its own and waits for
 * the officer, who handles it in Tasklist or through the API. What the officer's choice does is the listener's and
 * the inbox's (InboundEmailTests, with the application).
 */
@Deployment(resources = "processes/InboundEmailProcess.bpmn")
class InboundEmailProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final Date DUE = Date.from(Instant.parse("2026-12-24T22:59:59Z"));

  private final ProcessMocks mocks = new ProcessMocks();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    mocks.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void emailIsFlaggedInItsOwnJobAndTheOfficerHandlesItInTasklist() {
    ProcessInstance email = start();

    // the row and the task are committed before the mailbox hears of it: flagging is a job of its own
    assertThat(email).isWaitingAt("Task_FlagEmailHandledInMailbox", "UserTask_RegisterRequestFromEmail");
    assertThat(task()).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    assertThat(mocks.calls()).containsExactly("registerFromEmailListener UserTask_RegisterRequestFromEmail create");
    execute(job());
    assertThat(email).hasPassed("EndEvent_EmailFlagged").isWaitingAt("UserTask_RegisterRequestFromEmail");

    taskService().complete(task().getId());

    assertThat(email).isEnded().hasPassed("EndEvent_EmailHandled");
    assertThat(mocks.calls()).containsExactly(
        "registerFromEmailListener UserTask_RegisterRequestFromEmail create",
        "flagEmailHandledInMailboxDelegate Task_FlagEmailHandledInMailbox inboundEmailId=7",
        "registerFromEmailListener UserTask_RegisterRequestFromEmail complete");
  }

  @Test
  void emailHandledThroughTheApiEndsTheTaskWithoutItsListener() {
    ProcessInstance email = start();
    assertThat(email).isWaitingAt("Task_FlagEmailHandledInMailbox");
    execute(job());

    runtimeService().createMessageCorrelation("EmailHandled").processInstanceBusinessKey("INBOX-7").correlate();

    assertThat(email).isEnded().hasPassed("EndEvent_EmailHandledThroughApi").hasNotPassed("EndEvent_EmailHandled");
    assertThat(mocks.calls()).doesNotContain("registerFromEmailListener UserTask_RegisterRequestFromEmail complete");
  }

  @Test
  void subjectsReplyShownOnTheTaskThatWaitsForItNeedsNoTask() {
    ProcessInstance email = start("NOTHING_TO_DO");

    assertThat(email).hasPassed("EndEvent_ReplyAttached").isWaitingAt("Task_FlagEmailHandledInMailbox");
    execute(job());

    assertThat(email).isEnded().hasNotPassed("UserTask_RegisterRequestFromEmail");
    assertThat(mocks.calls()).containsExactly(
        "flagEmailHandledInMailboxDelegate Task_FlagEmailHandledInMailbox inboundEmailId=7");
  }

  @Test
  void subjectsReplyNoTaskWaitsForIsReadByTheOfficer() {
    ProcessInstance email = start("READ_REPLY");

    assertThat(email).isWaitingAt("Task_FlagEmailHandledInMailbox", "UserTask_ReadSubjectsReply");
    assertThat(task("UserTask_ReadSubjectsReply")).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    execute(job());
    taskService().complete(task().getId());

    assertThat(email).isEnded().hasPassed("EndEvent_ReplyRead").hasNotPassed("UserTask_RegisterRequestFromEmail");
    assertThat(mocks.calls()).contains("emailForRequestListener UserTask_ReadSubjectsReply create");
  }

  @Test
  void letterThatCameBackTellsTheOfficer() {
    ProcessInstance email = start("LETTER_NOT_DELIVERED");

    assertThat(email).isWaitingAt("Task_FlagEmailHandledInMailbox", "UserTask_LetterNotDelivered");
    assertThat(task("UserTask_LetterNotDelivered")).hasCandidateGroup("gdpr-officer");
    execute(job());
    taskService().complete(task().getId());

    assertThat(email).isEnded().hasPassed("EndEvent_NonDeliverySeen")
        .hasNotPassed("UserTask_RegisterRequestFromEmail");
    assertThat(mocks.calls()).contains("emailForRequestListener UserTask_LetterNotDelivered create");
  }

  private static ProcessInstance start() {
    return start("REGISTER");
  }

  private static ProcessInstance start(String route) {
    return runtimeService().startProcessInstanceByKey("InboundEmailProcess", "INBOX-7",
        Map.of("inboundEmailId", 7L, "route", route, TASK_DUE_DATE, DUE));
  }
}
