package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.OBJECTION_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** ObjectionRequestProcess.bpmn: an objection to direct marketing at once; a general objection reviewed. */
@Deployment(resources = {"processes/ObjectionRequestProcess.bpmn", "processes/RecipientNoticeProcess.bpmn"})
class ObjectionRequestProcessTest extends RightsProcessTestBase {

  @Test
  void objectionToDirectMarketingIsCarriedOutInEverySystemWithNoHumanStep() {
    ProcessInstance objection = start("ObjectionRequestProcess", Map.of(OBJECTION_SCOPE, "DIRECT_MARKETING"));

    AutomatedPaths.runAllJobs(objection);

    assertThat(objection).isEnded().hasPassed("EndEvent_MarketingStopped").hasNotPassed("UserTask_ReviewLegalBasis");
    assertThat(taskService().createTaskQuery().count()).isZero();
    assertThat(mocks.calls()).containsExactly(
        "discoverInSystemDelegate Task_DiscoverInSystem systemId=case-management",
        "discoverInSystemDelegate Task_DiscoverInSystem systemId=newsletter",
        "stopMarketingInSystemDelegate Task_StopMarketingInSystem systemId=case-management",
        "stopMarketingInSystemDelegate Task_StopMarketingInSystem systemId=newsletter",
        "addSuppressionEntryDelegate Task_AddSuppressionEntry",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=ERASED",
        "notifyRecipientDelegate Task_NotifyRecipient hosting-provider ERASED",
        "notifyRecipientDelegate Task_NotifyRecipient auditor ERASED",
        "recordAutomatedAnswerDelegate Task_RecordAutomatedAnswer");
  }

  @Test
  void f27_objectionToDirectMarketingWithoutEmailIsCarriedOutByHandWhereNothingIdentifiedTheSubject() {
    mocks.marketingByHand("newsletter");
    ProcessInstance objection = start("ObjectionRequestProcess", Map.of(OBJECTION_SCOPE, "DIRECT_MARKETING"));

    AutomatedPaths.runAllJobs(objection);
    assertThat(objection).isWaitingAt("UserTask_StopMarketingByHand");
    assertThat(task(objection)).hasCandidateGroup(ProcessMocks.ARCHIVE_OWNERS).hasDueDate(DUE);
    complete(task(objection));
    AutomatedPaths.runAllJobs(objection);

    assertThat(objection).isEnded().hasPassed("EndEvent_MarketingStopped");
    assertThat(mocks.calls()).containsSubsequence(
        "stopMarketingInSystemDelegate Task_StopMarketingInSystem systemId=newsletter",
        "carryOutByHandListener UserTask_StopMarketingByHand create",
        "carryOutByHandListener UserTask_StopMarketingByHand complete",
        "addSuppressionEntryDelegate Task_AddSuppressionEntry",
        "recordAutomatedAnswerDelegate Task_RecordAutomatedAnswer");
  }

  @Test
  void generalObjectionToLegitimateInterestIsBalancedByTheOfficer() {
    ProcessInstance objection = reviewed(true);

    assertThat(objection).isWaitingAt("UserTask_BalanceObjection");
    assertThat(task(objection)).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    complete(task(objection));
    AutomatedPaths.runAllJobs(objection);
    carryOutByHand(objection);

    assertThat(objection).isEnded().hasPassed("EndEvent_ObjectionAnswered")
        .variables().containsEntry("answerNeedsApproval", true);
    assertThat(mocks.calls()).containsSubsequence(
        "balanceObjectionListener UserTask_BalanceObjection complete",
        "stopProcessingInSystemDelegate Task_StopProcessingInSystem systemId=case-management",
        "stopProcessingInSystemDelegate Task_StopProcessingInSystem systemId=newsletter",
        "carryOutByHandListener UserTask_CarryOutByHand create",
        "carryOutByHandListener UserTask_CarryOutByHand complete",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=RESTRICTED",
        "notifyRecipientDelegate Task_NotifyRecipient auditor RESTRICTED",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=ERASED",
        "notifyRecipientDelegate Task_NotifyRecipient auditor ERASED",
        "recordRightsAnswerDelegate Task_RecordAnswer");
  }

  @Test
  void generalObjectionToProcessingNotOpenToObjectionNeedsNoBalancing() {
    ProcessInstance objection = reviewed(false);
    carryOutByHand(objection);

    assertThat(objection).isEnded().hasPassed("EndEvent_ObjectionAnswered")
        .hasNotPassed("UserTask_BalanceObjection", "Task_DiscoverInSystem");
    assertThat(mocks.calls()).doesNotContain("balanceObjectionListener UserTask_BalanceObjection create")
        .contains("recordRightsAnswerDelegate Task_RecordAnswer");
  }

  private ProcessInstance reviewed(boolean needsBalancing) {
    ProcessInstance objection = start("ObjectionRequestProcess", Map.of(OBJECTION_SCOPE, "GENERAL"));
    AutomatedPaths.runAllJobs(objection);
    assertThat(objection).isWaitingAt("UserTask_ReviewLegalBasis");
    assertThat(mocks.calls()).startsWith(
        "discoverInSystemDelegate Task_DiscoverForObjection systemId=case-management",
        "discoverInSystemDelegate Task_DiscoverForObjection systemId=newsletter",
        "proposeDecisionsDelegate Task_ProposeDecisions");
    complete(task(objection), withVariables("needsBalancing", needsBalancing));
    AutomatedPaths.runAllJobs(objection);
    return objection;
  }
}
