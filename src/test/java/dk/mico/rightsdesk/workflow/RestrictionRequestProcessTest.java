package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import dk.mico.rightsdesk.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** RestrictionRequestProcess.bpmn: the reviewed restriction, and its lifting after the subject was told. */
@Deployment(resources = {"processes/RestrictionRequestProcess.bpmn", "processes/RecipientNoticeProcess.bpmn"})
class RestrictionRequestProcessTest extends RightsProcessTestBase {

  @Test
  void reviewedRestrictionIsSetPerSystemRecipientsAreToldAndTheAnswerAwaitsApproval() {
    ProcessInstance restriction = start("RestrictionRequestProcess", Map.of());

    AutomatedPaths.runAllJobs(restriction);
    assertThat(restriction).isWaitingAt("UserTask_ReviewLegalBasis");
    complete(task(restriction));
    AutomatedPaths.runAllJobs(restriction);
    carryOutByHand(restriction);

    assertThat(restriction).isEnded().hasPassed("EndEvent_RestrictionAnswered")
        .variables().containsEntry("answerNeedsApproval", true);
    assertThat(mocks.calls()).containsSubsequence(
        "proposeDecisionsDelegate Task_ProposeDecisions",
        "reviewLegalBasisListener UserTask_ReviewLegalBasis complete",
        "restrictInSystemDelegate Task_RestrictInSystem systemId=case-management",
        "restrictInSystemDelegate Task_RestrictInSystem systemId=newsletter",
        "carryOutByHandListener UserTask_CarryOutByHand create",
        "carryOutByHandListener UserTask_CarryOutByHand complete",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=RESTRICTED",
        "notifyRecipientDelegate Task_NotifyRecipient hosting-provider RESTRICTED",
        "recordRightsAnswerDelegate Task_RecordAnswer");
  }

  @Test
  void liftingTellsTheSubjectFirstAndLiftsOnlyWhenTheNoticePeriodHasRunBySystemAndByHand() {
    Date liftAt = ProcessMocks.LIFT_AT;
    ProcessInstance lifting = runtimeService().createMessageCorrelation("LiftRestriction")
        .processInstanceBusinessKey(REFERENCE).correlateStartMessage();

    execute(job(lifting));
    assertThat(lifting).isWaitingAt("Event_LiftNoticeDelivered");
    noticeDelivered();
    execute(job(lifting));
    assertThat(lifting).isWaitingAt("Event_NoticePeriodOver");
    assertThat(mocks.calls()).containsExactly("sendLiftNoticeDelegate Task_SendLiftNotice",
        "countLiftNoticeFromDeliveryDelegate Task_CountNoticeFromDelivery");
    assertThat(job(lifting).getDuedate()).isEqualTo(liftAt);

    AutomatedPaths.runAllJobs(lifting);
    assertThat(lifting).isWaitingAt("UserTask_LiftRestrictionByHand");
    assertThat(task(lifting)).hasCandidateGroup(ProcessMocks.ARCHIVE_OWNERS).hasDueDate(liftAt);
    assertThat(runtimeService().getVariable(task(lifting).getExecutionId(), "liftingRestriction"))
        .as("the owners' task says to lift, not to restrict").isEqualTo(true);
    complete(task(lifting));
    AutomatedPaths.runAllJobs(lifting);
    assertThat(lifting).isEnded().hasPassed("EndEvent_RestrictionLifted");
    assertThat(mocks.calls()).containsExactly(
        "sendLiftNoticeDelegate Task_SendLiftNotice",
        "countLiftNoticeFromDeliveryDelegate Task_CountNoticeFromDelivery",
        "liftRestrictionInSystemDelegate Task_LiftRestrictionInSystem systemId=case-management",
        "liftRestrictionInSystemDelegate Task_LiftRestrictionInSystem systemId=newsletter",
        "carryOutByHandListener UserTask_LiftRestrictionByHand create",
        "carryOutByHandListener UserTask_LiftRestrictionByHand complete",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=RESTRICTION_LIFTED",
        "notifyRecipientDelegate Task_NotifyRecipient hosting-provider RESTRICTION_LIFTED",
        "notifyRecipientDelegate Task_NotifyRecipient auditor RESTRICTION_LIFTED");
  }

  @Test
  void f9_printedNoticeOfLiftingIsPostedFirstAndTheNoticePeriodRunsFromThePosting() {
    mocks.liftNoticeToPost(true);
    ProcessInstance lifting = runtimeService().createMessageCorrelation("LiftRestriction")
        .processInstanceBusinessKey(REFERENCE).correlateStartMessage();

    execute(job(lifting));
    assertThat(lifting).as("nothing is lifted, nor timed, before the letter is posted")
        .isWaitingAt("UserTask_PostLiftNotice");
    assertThat(managementService().createJobQuery().timers().count()).isZero();
    assertThat(task(lifting)).hasName("Post the letter").hasCandidateGroup("gdpr-officer")
        .hasDueDate(ProcessMocks.LIFT_NOTICE_POST_BY);
    complete(task(lifting));

    execute(job(lifting));
    assertThat(lifting).isWaitingAt("Event_NoticePeriodOver");
    assertThat(job(lifting).getDuedate()).isEqualTo(ProcessMocks.LIFT_AT);
    assertThat(mocks.calls()).containsExactly(
        "sendLiftNoticeDelegate Task_SendLiftNotice",
        "postLetterListener UserTask_PostLiftNotice create",
        "postLetterListener UserTask_PostLiftNotice complete",
        "countLiftNoticeFromDeliveryDelegate Task_CountNoticeFromDelivery");
  }

  @Test
  void f9_anEmailedNoticeStillInTheOutboxTimesNothingTheNoticePeriodStartsWhenItIsDelivered() {
    ProcessInstance lifting = runtimeService().createMessageCorrelation("LiftRestriction")
        .processInstanceBusinessKey(REFERENCE).correlateStartMessage();
    execute(job(lifting));

    // the mail server is down for two days: the notice waits in the outbox, and so does the lifting
    ClockUtil.setCurrentTime(Date.from(TestClock.now().plus(Duration.ofDays(2))));
    assertThat(lifting).as("nothing timed before the notice is delivered").isWaitingAt("Event_LiftNoticeDelivered");
    assertThat(managementService().createJobQuery().count()).isZero();

    noticeDelivered();
    assertThat(lifting).as("counting the period is a step of its own, not the outbox sender's")
        .isWaitingAt("Task_CountNoticeFromDelivery");
    execute(job(lifting));
    assertThat(lifting).isWaitingAt("Event_NoticePeriodOver");
    assertThat(job(lifting).getDuedate()).as("the moment the count from the delivery set")
        .isEqualTo(ProcessMocks.LIFT_AT);
  }

  /** What the outbox's delivery of the e-mailed notice does (RestrictionLifts.onLetterSent). */
  private static void noticeDelivered() {
    new CamundaRightsWorkflow(runtimeService()).liftNoticeDelivered(REFERENCE);
  }
}
