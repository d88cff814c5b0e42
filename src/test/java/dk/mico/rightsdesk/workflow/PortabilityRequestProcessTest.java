package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PortabilityRequestProcess.bpmn: every path of a portability request (Art 20), the shared ones of the access
 * process and the officer's sending of the files to another controller (Art 20(2)).
 */
@Deployment(resources = "processes/PortabilityRequestProcess.bpmn")
class PortabilityRequestProcessTest extends AccessProcessTestBase {

  PortabilityRequestProcessTest() {
    super("PortabilityRequestProcess");
  }

  @BeforeEach
  void standInForTheTransmissionTask() {
    Mocks.register("transmissionListener", (TaskListener) task -> calls.add("transmission " + task.getEventName()
        + (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName()) ? " " + task.getVariableLocal("transmission")
        : "")));
  }

  @Test
  void withoutAnotherControllerTheSubjectDownloadsTheFilesOnly() {
    somethingReleased = true;
    transmissionWanted = false;
    ProcessInstance instance = start();

    reviewAndDecide(instance, "APPROVE");

    assertThat(instance).isEnded().hasPassed("Task_PrepareDownload", "EndEvent_AnswerReady")
        .hasNotPassed("UserTask_SendToOtherController");
    assertThat(calls).noneMatch(call -> call.startsWith("transmission"));
  }

  @Test
  void withAnotherControllerTheOfficerSendsTheFilesAndRecordsIt() {
    somethingReleased = true;
    transmissionWanted = true;
    ProcessInstance instance = start();

    reviewAndDecide(instance, "APPROVE");

    assertThat(instance).isWaitingAt("UserTask_SendToOtherController");
    Task send = task(instance);
    assertThat(send).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    taskService().setVariableLocal(send.getId(), "transmission", "SENT");
    complete(send);

    assertThat(instance).isEnded().hasPassed("Task_PrepareDownload", "EndEvent_TransmissionRecorded")
        .hasNotPassed("EndEvent_AnswerReady");
    assertThat(calls).containsSubsequence("prepare download", "transmission create", "transmission complete SENT");
  }
}
