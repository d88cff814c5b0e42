package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.Date;
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
 * RedoByHandAfterRestoreProcess.bpmn with the adapter that starts it: the owners' task after their system was
 * restored, under the request's reference (what it shows and records is tested with the application, in
 * PersonalRightsTests).
 */
@Deployment(resources = "processes/RedoByHandAfterRestoreProcess.bpmn")
class RedoByHandAfterRestoreProcessTest {

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
  void theRestoredSystemsOwnersRedoTheirWorkByHandForTheRequest() {
    Instant due = Instant.parse("2026-11-26T23:00:00Z");
    new CamundaRestoredSystemOwners(runtimeService())
        .redoByHand("DSR-2026-00001", "email-archive", Instant.parse("2026-11-23T01:00:00Z"), due);

    ProcessInstance redo = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("DSR-2026-00001")
        .singleResult();
    assertThat(redo).isWaitingAt("UserTask_RedoByHandAfterRestore")
        .variables().containsOnlyKeys("systemId", "backupTakenAt", "taskDueDate");
    Task task = taskService().createTaskQuery().processInstanceId(redo.getId()).singleResult();
    assertThat(task).hasCandidateGroup(ProcessMocks.ARCHIVE_OWNERS).hasDueDate(Date.from(due));
    taskService().complete(task.getId());

    assertThat(redo).isEnded().hasPassed("EndEvent_RedoneByHand");
    assertThat(mocks.calls()).containsExactly(
        "redoByHandAfterRestoreListener UserTask_RedoByHandAfterRestore create",
        "redoByHandAfterRestoreListener UserTask_RedoByHandAfterRestore complete");
  }
}
