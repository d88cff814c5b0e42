package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
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
 * Art12DecisionProcess.bpmn: the officer's Tasklist action for Art 12(5) refusals and fees and for forwarding; the
 * decision's rules run in the task's listener (tested with the application, in Art12OutcomeTests).
 */
@Deployment(resources = "processes/Art12DecisionProcess.bpmn")
class Art12DecisionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

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
  void officerDecidesOnTheScreenThatShowsTheRequestAndItsEarlierOnes() {
    ProcessInstance decision = runtimeService().startProcessInstanceByKey("Art12DecisionProcess", "DSR-2026-00001",
        Map.of(REQUEST_REFERENCE, "DSR-2026-00001", TASK_DUE_DATE, DUE));

    Task task = taskService().createTaskQuery().processInstanceId(decision.getId()).singleResult();
    assertThat(task).hasDefinitionKey("UserTask_DecideOutcome").hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    taskService().setVariableLocal(task.getId(), "decision", "REFUSE");
    taskService().complete(task.getId());

    assertThat(decision).isEnded().hasPassed("EndEvent_Decided");
    assertThat(mocks.calls()).containsExactly(
        "art12DecisionListener StartEvent_DecisionAsked start",
        "art12DecisionListener UserTask_DecideOutcome create",
        "art12DecisionListener UserTask_DecideOutcome complete decision=REFUSE");
  }
}
