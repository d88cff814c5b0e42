package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The by-hand path that every fulfilment process has until its right is automated. Each fulfilment BPMN has its own
 * subclass, which deploys the model and names the process.
 */
abstract class FulfilmentProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  private final String processId;
  private final ProcessMocks mocks = new ProcessMocks();

  FulfilmentProcessTestBase(String processId) {
    this.processId = processId;
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    mocks.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  /** What the main process's call activity passes in. */
  Map<String, Object> startVariables() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUEST_REFERENCE, REFERENCE);
    variables.put(TASK_DUE_DATE, DUE);
    return variables;
  }

  ProcessMocks mocks() {
    return mocks;
  }

  @Test
  void officerHandlesTheRequestByHand() {
    ProcessInstance fulfilment = runtimeService().startProcessInstanceByKey(processId, REFERENCE,
        startVariables());

    assertThat(fulfilment).isWaitingAt("UserTask_HandleByHand");
    Task task = task(fulfilment);
    assertThat(task).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    assertThat(mocks.calls()).containsExactly("subjectDetailsListener UserTask_HandleByHand create");

    complete(task);

    assertThat(fulfilment).isEnded().hasPassed("EndEvent_RequestHandled");
    assertThat(mocks.calls()).containsExactly(
        "subjectDetailsListener UserTask_HandleByHand create",
        "recordAnswerListener UserTask_HandleByHand complete");
  }
}
