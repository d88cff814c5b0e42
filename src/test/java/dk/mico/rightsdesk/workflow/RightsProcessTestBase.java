package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reviewed rights (erasure, restriction, rectification, general objection) on a bare engine with stand-ins. */
abstract class RightsProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  static final String REFERENCE = "DSR-2026-00001";
  static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  final ProcessMocks mocks = new ProcessMocks();

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    mocks.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  /** The owner group of the system worked by hand carries the right out there; the process goes on. */
  void carryOutByHand(ProcessInstance fulfilment) {
    assertThat(fulfilment).isWaitingAt("UserTask_CarryOutByHand");
    assertThat(task(fulfilment)).hasCandidateGroup(ProcessMocks.ARCHIVE_OWNERS).hasDueDate(DUE);
    complete(task(fulfilment));
    AutomatedPaths.runAllJobs(fulfilment);
  }

  /** Starts the fulfilment as the main process's call activity does. */
  ProcessInstance start(String processId, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(extra);
    variables.put(REQUEST_REFERENCE, REFERENCE);
    variables.put(TASK_DUE_DATE, DUE);
    return runtimeService().startProcessInstanceByKey(processId, REFERENCE, variables);
  }
}
