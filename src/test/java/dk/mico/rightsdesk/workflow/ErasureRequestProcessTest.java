package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** ErasureRequestProcess.bpmn: the reviewed erasure, and the erasure scheduled for after a retention period. */
@Deployment(resources = {"processes/ErasureRequestProcess.bpmn", "processes/RecipientNoticeProcess.bpmn"})
class ErasureRequestProcessTest extends RightsProcessTestBase {

  @Test
  void reviewedErasureIsCarriedOutPerSystemRecipientsAreToldAndTheAnswerAwaitsApproval() {
    ProcessInstance erasure = start("ErasureRequestProcess", Map.of());

    AutomatedPaths.runAllJobs(erasure);
    assertThat(erasure).isWaitingAt("UserTask_ReviewLegalBasis");
    assertThat(task(erasure)).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    complete(task(erasure));
    AutomatedPaths.runAllJobs(erasure);
    carryOutByHand(erasure);

    assertThat(erasure).isEnded().hasPassed("EndEvent_ErasureAnswered")
        .variables().containsEntry("answerNeedsApproval", true);
    assertThat(mocks.calls()).containsExactly(
        "discoverInSystemDelegate Task_DiscoverInSystem systemId=case-management",
        "discoverInSystemDelegate Task_DiscoverInSystem systemId=newsletter",
        "proposeDecisionsDelegate Task_ProposeDecisions",
        "reviewLegalBasisListener UserTask_ReviewLegalBasis create",
        "reviewLegalBasisListener UserTask_ReviewLegalBasis complete",
        "eraseInSystemDelegate Task_EraseInSystem systemId=case-management",
        "eraseInSystemDelegate Task_EraseInSystem systemId=newsletter",
        "carryOutByHandListener UserTask_CarryOutByHand create",
        "carryOutByHandListener UserTask_CarryOutByHand complete",
        "suppressErasedMarketingDelegate Task_SuppressErasedMarketing",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=ERASED",
        "notifyRecipientDelegate Task_NotifyRecipient hosting-provider ERASED",
        "notifyRecipientDelegate Task_NotifyRecipient auditor ERASED",
        "recordRightsAnswerDelegate Task_RecordAnswer",
        "scheduleErasureDelegate Task_ScheduleErasure");
  }

  @Test
  void aScheduledErasureWaitsForTheDayAfterTheRetentionPeriodAndTellsTheRecipients() {
    Date eraseAt = Date.from(Instant.parse("2029-06-30T22:00:00Z"));
    ProcessInstance scheduled = runtimeService().createMessageCorrelation("ErasureScheduled")
        .processInstanceBusinessKey(REFERENCE).setVariable("eraseAt", eraseAt).correlateStartMessage();

    assertThat(scheduled).isWaitingAt("Event_RetentionEnded");
    assertThat(job(scheduled).getDuedate()).isEqualTo(eraseAt);
    AutomatedPaths.runAllJobs(scheduled);

    assertThat(scheduled).isEnded().hasPassed("EndEvent_ErasedAfterRetention");
    assertThat(mocks.calls()).containsExactly("eraseAfterRetentionDelegate Task_EraseAfterRetention",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=ERASED_AFTER_RETENTION",
        "notifyRecipientDelegate Task_NotifyRecipient hosting-provider ERASED_AFTER_RETENTION",
        "notifyRecipientDelegate Task_NotifyRecipient auditor ERASED_AFTER_RETENTION");
  }

  @Test
  void f19_recordsKeptForALegalClaimAreReviewedOnTheirDayAgainWhileNeededAndThenErasedAndTheRecipientsTold() {
    Date reviewAt = Date.from(Instant.parse("2029-11-23T23:00:00Z"));
    Date nextReviewAt = Date.from(Instant.parse("2030-11-23T23:00:00Z"));
    ProcessInstance review = runtimeService().createMessageCorrelation("ClaimReviewScheduled")
        .processInstanceBusinessKey(REFERENCE).setVariable("reviewAt", reviewAt).correlateStartMessage();

    assertThat(review).isWaitingAt("Event_ClaimReviewDue");
    assertThat(job(review).getDuedate()).isEqualTo(reviewAt);
    AutomatedPaths.runAllJobs(review);
    assertThat(task(review)).hasDefinitionKey("UserTask_ReviewKeptForClaim").hasCandidateGroup("gdpr-officer");
    complete(task(review), Map.of("claimReviewDecision", "KEEP", "nextReviewAt", nextReviewAt));
    assertThat(review).isWaitingAt("Event_ClaimReviewDue");
    assertThat(job(review).getDuedate()).as("the next review day").isEqualTo(nextReviewAt);
    AutomatedPaths.runAllJobs(review);
    complete(task(review), Map.of("claimReviewDecision", "ERASE"));
    AutomatedPaths.runAllJobs(review);

    assertThat(review).isEnded().hasPassed("EndEvent_ErasedAfterClaimReview");
    assertThat(mocks.calls()).containsExactly(
        "reviewKeptForClaimListener UserTask_ReviewKeptForClaim create",
        "reviewKeptForClaimListener UserTask_ReviewKeptForClaim complete",
        "reviewKeptForClaimListener UserTask_ReviewKeptForClaim create",
        "reviewKeptForClaimListener UserTask_ReviewKeptForClaim complete",
        "eraseAfterClaimReviewDelegate Task_EraseAfterClaimReview",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=ERASED_AFTER_CLAIM_REVIEW",
        "notifyRecipientDelegate Task_NotifyRecipient hosting-provider ERASED_AFTER_CLAIM_REVIEW",
        "notifyRecipientDelegate Task_NotifyRecipient auditor ERASED_AFTER_CLAIM_REVIEW");
  }
}
