package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

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
 * DeadlineExtensionProcess.bpmn: the officer's Tasklist action; the extension runs in the start's transaction, with no
 * job before it (the rules and refusals are tested with the application, in DeadlineJourneyTests).
 */
@Deployment(resources = "processes/DeadlineExtensionProcess.bpmn")
class DeadlineExtensionProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

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
  void officerExtendsADeadlineFromTasklist() {
    ProcessInstance extension = runtimeService().startProcessInstanceByKey("DeadlineExtensionProcess",
        Map.of(REQUEST_REFERENCE, "DSR-2026-00001", "reasonCode", "COMPLEXITY", "reason", "Six systems"));

    assertThat(extension).isEnded().hasPassedInOrder("Task_ExtendDeadline", "EndEvent_DeadlineExtended");
    assertThat(mocks.calls()).containsExactly("extendDeadlineFromStartForm Task_ExtendDeadline reasonCode=COMPLEXITY");
  }
}
