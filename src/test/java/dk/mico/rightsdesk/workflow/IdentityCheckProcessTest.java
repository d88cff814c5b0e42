package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_VERIFIED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.MESSAGE_IDENTITY_INFORMATION_RECEIVED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.POSTAL_DELIVERY;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
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
 * IdentityCheckProcess.bpmn on its own, one method per path. The deadline watch that its signals plan again, and the
 * request's process going on after it, are in {@link DataSubjectRequestProcessTest}.
 */
@Deployment(resources = "processes/IdentityCheckProcess.bpmn")
class IdentityCheckProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final Instant RECEIVED = Instant.parse("2026-01-05T09:00:00Z");
  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance check;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    mocks.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void officerVerifiesIdentity() {
    start(false);

    decide("UserTask_CheckIdentity", "identityDecision", "VERIFIED");

    assertThat(check).isEnded().hasPassed("EndEvent_IdentityVerified").variables()
        .containsEntry(IDENTITY_VERIFIED, true);
    assertThat(mocks.calls()).containsExactly(
        "subjectDetailsListener UserTask_CheckIdentity create",
        "identityReplyListener UserTask_CheckIdentity create",
        "identityDecisionListener UserTask_CheckIdentity complete");
  }

  @Test
  void officerFindsIdentityUnverifiable() {
    start(false);

    decide("UserTask_CheckIdentity", "identityDecision", "UNVERIFIABLE");

    assertThat(check).isEnded().hasPassed("EndEvent_IdentityUnverifiable")
        .hasNotPassed("Task_SendInformationRequest").variables().containsEntry(IDENTITY_VERIFIED, false);
  }

  @Test
  void subjectRepliesOnlineAndTheOfficerChecksAgain() {
    askForInformation(false);

    correlate(MESSAGE_IDENTITY_INFORMATION_RECEIVED);
    runJobAt("Event_WatchUpdatedOnReply");
    assertThat(check).hasPassed("BoundaryEvent_ReplyReceived").isWaitingAt("UserTask_CheckIdentity");
    assertThat(timer("BoundaryEvent_NoReply")).isNull();
    decide("UserTask_CheckIdentity", "identityDecision", "VERIFIED");

    assertThat(check).isEnded().hasPassed("EndEvent_IdentityVerified");
  }

  @Test
  void replyRegisteredByTheOfficerLeadsToAnotherCheck() {
    askForInformation(false);

    decide("UserTask_AwaitIdentityInformation", "identityReply", "Called from the number on the customer record");
    runJobAt("Event_WatchUpdatedOnReply");

    assertThat(check).hasPassed("Event_WatchUpdatedOnReply").isWaitingAt("UserTask_CheckIdentity");
    assertThat(mocks.calls()).containsSubsequence(
        "identityReplyListener UserTask_AwaitIdentityInformation complete",
        "subjectDetailsListener UserTask_CheckIdentity create");
  }

  @Test
  void noReplyInTimeMakesTheIdentityUnverifiable() {
    askForInformation(false);
    Job noReply = timer("BoundaryEvent_NoReply");
    assertThat(noReply).hasDueDate(Date.from(RECEIVED.plus(ProcessMocks.REPLY_WITHIN)));

    ClockUtil.setCurrentTime(noReply.getDuedate());
    execute(noReply);

    assertThat(check).isEnded().hasPassed("Task_RecordNoIdentityInformation", "EndEvent_IdentityUnverifiable")
        .variables().containsEntry(IDENTITY_VERIFIED, false);
    assertThat(mocks.calls()).endsWith("recordNoIdentityInformationDelegate Task_RecordNoIdentityInformation");
    assertThat(managementService().createJobQuery().count()).as("jobs left").isZero();
  }

  @Test
  void requestForInformationIsPrintedForPostingForASubjectWithoutEmail() {
    askForInformation(true);

    assertThat(check).hasPassed("UserTask_PostInformationRequest").isWaitingAt("UserTask_AwaitIdentityInformation");
    assertThat(mocks.calls()).containsSubsequence(
        "sendIdentityInformationRequestDelegate Task_SendInformationRequest",
        "postLetterListener UserTask_PostInformationRequest create",
        "postLetterListener UserTask_PostInformationRequest complete",
        "identityReplyListener UserTask_AwaitIdentityInformation create");
  }

  /** The officer asks for more; the letter goes (posted, for a subject without e-mail) and the reply is awaited. */
  private void askForInformation(boolean postal) {
    start(postal);
    decide("UserTask_CheckIdentity", "identityDecision", "ASK_FOR_INFORMATION");
    runJobAt("Task_SendInformationRequest");
    if (postal) {
      taskService().complete(officerTask("UserTask_PostInformationRequest").getId());
    }
    // the clock pauses: the signal to the request's watch goes, and the wait starts in a job after it
    runJobAt("Event_WatchUpdatedOnRequest");
    assertThat(check).hasPassed("Event_WatchUpdatedOnRequest").isWaitingAt("UserTask_AwaitIdentityInformation");
  }

  private void start(boolean postal) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUEST_REFERENCE, REFERENCE);
    variables.put(TASK_DUE_DATE, DUE);
    variables.put(POSTAL_DELIVERY, postal);
    check = runtimeService().startProcessInstanceByKey("IdentityCheckProcess", REFERENCE, variables);
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
