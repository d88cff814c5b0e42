package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.POSTAL_DELIVERY;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FeeProcess.bpmn on its own, one method per path; the request's process refusing the request when the fee is not
 * accepted is in {@link DataSubjectRequestProcessTest}.
 */
@Deployment(resources = "processes/FeeProcess.bpmn")
class FeeProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final Instant ANNOUNCED = Instant.parse("2026-01-12T09:00:00Z");
  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance fee;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(ANNOUNCED));
    mocks.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void feeAcceptedByTheSubjectLetsTheHandlingGoOn() {
    announce(false);

    decide("UserTask_RegisterFeeAnswer", "feeAnswer", "ACCEPTED");

    assertThat(fee).isEnded().hasPassed("EndEvent_FeeAnswerAccepted").hasNotPassed("EndEvent_FeeDeclined");
    assertThat(mocks.calls()).containsExactly(
        "sendOutcomeLetterDelegate Task_SendFeeLetter letterKind=FEE_ANNOUNCED",
        "feeAnswerListener Flow_FeeLetterDelivered take",
        "feeAnswerListener UserTask_RegisterFeeAnswer create",
        "feeAnswerListener UserTask_RegisterFeeAnswer complete feeAnswer=ACCEPTED");
  }

  /** The error "Fee not accepted" refuses the request in the request's process; alone, it ends this one. */
  @Test
  void feeDeclinedEndsWithFeeNotAccepted() {
    announce(false);

    decide("UserTask_RegisterFeeAnswer", "feeAnswer", "DECLINED");

    assertThat(fee).isEnded().hasPassed("EndEvent_FeeDeclined").hasNotPassed("Task_RecordNoFeeAnswer");
  }

  @Test
  void noAnswerInTimeIsRecordedAsARefusal() {
    announce(false);
    Job timer = managementService().createJobQuery().activityId("BoundaryEvent_NoFeeAnswer").timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(ANNOUNCED.plus(ProcessMocks.FEE_ANSWER_WITHIN)));

    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);

    assertThat(fee).isEnded().hasPassed("Task_RecordNoFeeAnswer", "EndEvent_FeeDeclined");
    assertThat(mocks.calls()).endsWith("recordNoFeeAnswerDelegate Task_RecordNoFeeAnswer");
    assertThat(taskService().createTaskQuery().count()).as("open tasks").isZero();
  }

  @Test
  void feeLetterIsPrintedForPostingForASubjectWithoutEmail() {
    announce(true);

    assertThat(fee).hasPassed("UserTask_PostFeeLetter").isWaitingAt("UserTask_RegisterFeeAnswer");
    assertThat(mocks.calls()).containsSubsequence(
        "postLetterListener UserTask_PostFeeLetter create",
        "postLetterListener UserTask_PostFeeLetter complete",
        "feeAnswerListener Flow_FeeLetterDelivered take");
  }

  /** The request's process calls this one; the letter goes in a job of its own, and is posted if it must be. */
  private void announce(boolean postal) {
    fee = runtimeService().startProcessInstanceByKey("FeeProcess", REFERENCE,
        Map.of(TASK_DUE_DATE, DUE, POSTAL_DELIVERY, postal));
    execute(managementService().createJobQuery().activityId("Task_SendFeeLetter").singleResult());
    if (postal) {
      taskService().complete(officerTask("UserTask_PostFeeLetter").getId());
    }
    assertThat(fee).isWaitingAt("UserTask_RegisterFeeAnswer");
  }

  private Task officerTask(String taskKey) {
    Task task = taskService().createTaskQuery().processInstanceBusinessKey(REFERENCE).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    assertThat(task).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    return task;
  }

  /** Completes the task with the form field set where Tasklist leaves it: on the task, not the process. */
  private void decide(String taskKey, String field, Object value) {
    Task task = officerTask(taskKey);
    taskService().setVariableLocal(task.getId(), field, value);
    taskService().complete(task.getId());
  }
}
