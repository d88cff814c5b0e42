package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.Date;
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

/** ConsentWithdrawalProcess.bpmn: carried out in every system at once, with no human step (Art 7(3)). */
@Deployment(resources = {"processes/ConsentWithdrawalProcess.bpmn", "processes/RecipientNoticeProcess.bpmn"})
class ConsentWithdrawalProcessTest {

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
  void consentIsWithdrawnInEverySystemWithNoHumanStep() {
    ProcessInstance withdrawal = runtimeService().startProcessInstanceByKey("ConsentWithdrawalProcess",
        "DSR-2026-00001", Map.of(REQUEST_REFERENCE, "DSR-2026-00001"));

    AutomatedPaths.runAllJobs(withdrawal);

    assertThat(withdrawal).isEnded().hasPassed("EndEvent_ConsentWithdrawn");
    assertThat(taskService().createTaskQuery().count()).isZero();
    assertThat(mocks.calls()).containsExactly(
        "discoverInSystemDelegate Task_DiscoverInSystem systemId=case-management",
        "discoverInSystemDelegate Task_DiscoverInSystem systemId=newsletter",
        "withdrawConsentInSystemDelegate Task_WithdrawConsentInSystem systemId=case-management",
        "withdrawConsentInSystemDelegate Task_WithdrawConsentInSystem systemId=newsletter",
        "addSuppressionEntryDelegate Task_AddSuppressionEntry",
        "collectRecipientsDelegate Task_CollectRecipients noticeAction=ERASED",
        "notifyRecipientDelegate Task_NotifyRecipient hosting-provider ERASED",
        "notifyRecipientDelegate Task_NotifyRecipient auditor ERASED",
        "recordAutomatedAnswerDelegate Task_RecordAutomatedAnswer");
  }

  @Test
  void f27_withdrawalWithoutEmailIsCarriedOutByHandWhereNothingIdentifiedTheSubject() {
    mocks.marketingByHand("newsletter");
    Date due = Date.from(Instant.parse("2026-02-05T22:59:59Z"));
    ProcessInstance withdrawal = runtimeService().startProcessInstanceByKey("ConsentWithdrawalProcess",
        "DSR-2026-00001", Map.of(REQUEST_REFERENCE, "DSR-2026-00001", TASK_DUE_DATE, due));

    AutomatedPaths.runAllJobs(withdrawal);
    assertThat(withdrawal).isWaitingAt("UserTask_WithdrawConsentByHand");
    assertThat(task(withdrawal)).hasCandidateGroup(ProcessMocks.ARCHIVE_OWNERS).hasDueDate(due);
    complete(task(withdrawal));
    AutomatedPaths.runAllJobs(withdrawal);

    assertThat(withdrawal).isEnded().hasPassed("EndEvent_ConsentWithdrawn");
    assertThat(mocks.calls()).containsSubsequence(
        "withdrawConsentInSystemDelegate Task_WithdrawConsentInSystem systemId=newsletter",
        "carryOutByHandListener UserTask_WithdrawConsentByHand create",
        "carryOutByHandListener UserTask_WithdrawConsentByHand complete",
        "addSuppressionEntryDelegate Task_AddSuppressionEntry",
        "recordAutomatedAnswerDelegate Task_RecordAutomatedAnswer");
  }
}
