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
 * ClosingLetterProcess.bpmn on its own, one method per path; the request's process closing the request after it is in
 * {@link DataSubjectRequestProcessTest}.
 */
@Deployment(resources = "processes/ClosingLetterProcess.bpmn")
class ClosingLetterProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance letters;

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
  void closingLetterGoesByEmail() {
    send(false);

    assertThat(letters).isEnded().hasPassed("EndEvent_ClosingLetterDelivered")
        .hasNotPassed("Task_SendDownloadCode", "UserTask_PostClosingLetter");
    assertThat(mocks.calls()).containsExactly("sendClosingLetterDelegate Task_SendClosingLetter");
  }

  @Test
  void answerWithDownloadLinkIsFollowedByTheCodeInAJobOfItsOwn() {
    mocks.downloadCodeToSend(true);
    send(false);

    // the answer has committed; the code letter waits for its own job, which a failure would retry alone
    assertThat(letters).isWaitingAt("Task_SendDownloadCode");
    runJobAt("Task_SendDownloadCode");

    assertThat(letters).isEnded().hasPassedInOrder("Task_SendClosingLetter", "Task_SendDownloadCode",
        "EndEvent_ClosingLetterDelivered");
    assertThat(mocks.calls()).containsExactly("sendClosingLetterDelegate Task_SendClosingLetter",
        "sendDownloadCodeDelegate Task_SendDownloadCode");
  }

  @Test
  void closingLetterIsPrintedForPostingForASubjectWithoutEmail() {
    send(true);
    Task post = taskService().createTaskQuery().processInstanceBusinessKey(REFERENCE)
        .taskDefinitionKey("UserTask_PostClosingLetter").singleResult();
    assertThat(post).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);

    taskService().complete(post.getId());

    assertThat(letters).isEnded().hasPassed("UserTask_PostClosingLetter", "EndEvent_ClosingLetterDelivered");
    assertThat(mocks.calls()).endsWith("postLetterListener UserTask_PostClosingLetter create",
        "postLetterListener UserTask_PostClosingLetter complete");
  }

  /** The request's process calls this one once the answer is decided; the letter goes in a job of its own. */
  private void send(boolean postal) {
    letters = runtimeService().startProcessInstanceByKey("ClosingLetterProcess", REFERENCE,
        Map.of(TASK_DUE_DATE, DUE, POSTAL_DELIVERY, postal));
    runJobAt("Task_SendClosingLetter");
  }

  private void runJobAt(String activityId) {
    Job job = managementService().createJobQuery().activityId(activityId).singleResult();
    assertThat(job).as("job before %s", activityId).isNotNull();
    execute(job);
  }
}
