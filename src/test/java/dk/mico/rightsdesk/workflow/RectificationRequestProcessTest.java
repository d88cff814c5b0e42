package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** RectificationRequestProcess.bpmn: corrected in every system, or answered without a change. */
@Deployment(resources = {"processes/RectificationRequestProcess.bpmn", "processes/RecipientNoticeProcess.bpmn"})
class RectificationRequestProcessTest extends RightsProcessTestBase {

  @Test
  void correctedDataIsWrittenPerSystemAndRecipientsAreTold() {
    ProcessInstance rectification = checked("CORRECT");
    carryOutByHand(rectification);

    assertThat(rectification).isEnded().hasPassed("Task_RectifyInSystem", "EndEvent_RectificationAnswered")
        .variables().containsEntry("answerNeedsApproval", true);
    assertThat(mocks.calls()).containsSubsequence(
        "checkAccuracyListener UserTask_CheckAccuracy complete",
        "rectifyInSystemDelegate Task_RectifyInSystem systemId=case-management",
        "rectifyInSystemDelegate Task_RectifyInSystem systemId=newsletter",
        "carryOutByHandListener UserTask_CarryOutByHand create",
        "carryOutByHandListener UserTask_CarryOutByHand complete",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=RECTIFIED",
        "notifyRecipientDelegate Task_NotifyRecipient hosting-provider RECTIFIED",
        "recordRectificationAnswerDelegate Task_RecordAnswer");
  }

  @Test
  void dataKeptAsAccurateIsAnsweredWithoutAChange() {
    ProcessInstance rectification = checked("ACCURATE");

    assertThat(rectification).isEnded().hasPassed("EndEvent_RectificationAnswered")
        .hasNotPassed("Task_RectifyInSystem", "CallActivity_TellRecipients");
    assertThat(mocks.calls()).endsWith("checkAccuracyListener UserTask_CheckAccuracy complete",
        "recordRectificationAnswerDelegate Task_RecordAnswer");
  }

  private ProcessInstance checked(String decision) {
    ProcessInstance rectification = start("RectificationRequestProcess", Map.of());
    AutomatedPaths.runAllJobs(rectification);
    assertThat(rectification).isWaitingAt("UserTask_CheckAccuracy");
    assertThat(task(rectification)).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    complete(task(rectification), withVariables("accuracyDecision", decision));
    AutomatedPaths.runAllJobs(rectification);
    return rectification;
  }
}
