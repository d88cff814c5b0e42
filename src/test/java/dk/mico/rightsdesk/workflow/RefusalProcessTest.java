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
 * RefusalProcess.bpmn on its own, one method per path; when the request's process calls it (an Art 12(5) refusal, a
 * fee not accepted) is in {@link DataSubjectRequestProcessTest}.
 */
@Deployment(resources = "processes/RefusalProcess.bpmn")
class RefusalProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance refusal;

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
  void refusedByEmailAndClosed() {
    refuse(false);

    assertThat(refusal).isEnded().hasPassedInOrder("Task_SendRefusalLetter", "Task_CloseRefused",
        "EndEvent_RequestRefused").hasNotPassed("UserTask_PostRefusalLetter");
    assertThat(mocks.calls()).containsExactly(
        "sendOutcomeLetterDelegate Task_SendRefusalLetter letterKind=REFUSAL_EXCESSIVE",
        "closeRequestDelegate Task_CloseRefused outcome=REFUSED");
  }

  @Test
  void letterIsPrintedForPostingBeforeTheRequestCloses() {
    refuse(true);
    Task post = taskService().createTaskQuery().processInstanceBusinessKey(REFERENCE)
        .taskDefinitionKey("UserTask_PostRefusalLetter").singleResult();
    assertThat(post).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    assertThat(refusal).hasNotPassed("Task_CloseRefused");

    taskService().complete(post.getId());

    assertThat(refusal).isEnded().hasPassedInOrder("UserTask_PostRefusalLetter", "Task_CloseRefused");
    assertThat(mocks.calls()).endsWith("postLetterListener UserTask_PostRefusalLetter complete",
        "closeRequestDelegate Task_CloseRefused outcome=REFUSED");
  }

  /** The request's process calls this one; the letter goes in a job of its own. */
  private void refuse(boolean postal) {
    refusal = runtimeService().startProcessInstanceByKey("RefusalProcess", REFERENCE,
        Map.of(TASK_DUE_DATE, DUE, POSTAL_DELIVERY, postal));
    execute(managementService().createJobQuery().activityId("Task_SendRefusalLetter").singleResult());
  }
}
