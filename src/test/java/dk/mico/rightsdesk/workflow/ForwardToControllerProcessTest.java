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
 * ForwardToControllerProcess.bpmn on its own, one method per path; the request's process closing a forwarded request,
 * or going on after a forwarded part, is in {@link DataSubjectRequestProcessTest}.
 */
@Deployment(resources = "processes/ForwardToControllerProcess.bpmn")
class ForwardToControllerProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance forwarding;

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
  void forwardedAndTheSubjectToldByEmail() {
    forward(false);

    assertThat(forwarding).isEnded().hasPassed("EndEvent_Forwarded").hasNotPassed("UserTask_PostForwardedLetter");
    assertThat(mocks.calls()).containsExactly(
        "forwardToControllerDelegate Task_ForwardToController",
        "sendOutcomeLetterDelegate Task_SendForwardedLetter letterKind=FORWARDED");
  }

  @Test
  void letterIsPrintedForPostingForASubjectWithoutEmail() {
    forward(true);
    Task post = taskService().createTaskQuery().processInstanceBusinessKey(REFERENCE)
        .taskDefinitionKey("UserTask_PostForwardedLetter").singleResult();
    assertThat(post).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);

    taskService().complete(post.getId());

    assertThat(forwarding).isEnded().hasPassed("UserTask_PostForwardedLetter", "EndEvent_Forwarded");
    assertThat(mocks.calls()).endsWith("postLetterListener UserTask_PostForwardedLetter create",
        "postLetterListener UserTask_PostForwardedLetter complete");
  }

  /** The request's process calls this one; the forwarding and the letter each go in a job of their own. */
  private void forward(boolean postal) {
    forwarding = runtimeService().startProcessInstanceByKey("ForwardToControllerProcess", REFERENCE,
        Map.of(TASK_DUE_DATE, DUE, POSTAL_DELIVERY, postal));
    for (String step : new String[] {"Task_ForwardToController", "Task_SendForwardedLetter"}) {
      execute(managementService().createJobQuery().activityId(step).singleResult());
    }
  }
}
