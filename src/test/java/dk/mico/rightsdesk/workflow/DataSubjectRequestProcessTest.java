package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ACTS_BEFORE_ANY_LETTER;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_REQUIRED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.OBJECTION_SCOPE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.FULFILMENT_PROCESS_ID;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_ESTABLISHED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_VERIFIED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.MESSAGE_EMAIL_CONFIRMED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.MESSAGE_WITHDRAWN;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.POSTAL_DELIVERY;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.PROCESS_ID;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DataSubjectRequestProcess.bpmn, one method per path, with stand-ins for the beans (see {@link ProcessMocks}). The
 * processes it calls run for real; their own paths, and their coverage, are in their own tests.
 */
@Deployment(resources = {"processes/DataSubjectRequestProcess.bpmn", "processes/EmailConfirmationProcess.bpmn",
    "processes/IdentityCheckProcess.bpmn", "processes/DeadlineWatchProcess.bpmn", "processes/FeeProcess.bpmn",
    "processes/ForwardToControllerProcess.bpmn", "processes/RefusalProcess.bpmn", "processes/ClosingLetterProcess.bpmn",
    "FulfilmentStandInProcess.bpmn", "processes/ObjectionRequestProcess.bpmn",
    "processes/ConsentWithdrawalProcess.bpmn", "processes/RecipientNoticeProcess.bpmn"})
class DataSubjectRequestProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).excludeProcessDefinitionKeys("EmailConfirmationProcess", "IdentityCheckProcess",
          "DeadlineWatchProcess", "FeeProcess", "ForwardToControllerProcess", "RefusalProcess",
          "ClosingLetterProcess")
      .build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final String OFFICERS = "gdpr-officer";
  private static final Instant RECEIVED = Instant.parse("2026-01-05T09:00:00Z");
  /** The last second of the legal deadline, as the app computes it: every officer task is due then. */
  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));
  /** The watch as the record plans it for that deadline: 7 and 2 working days before at 08:00, overdue at midnight. */
  private static final ProcessMocks.WatchPlan PLAN = new ProcessMocks.WatchPlan(DUE,
      date("2026-01-27T07:00:00Z"), date("2026-02-03T07:00:00Z"), date("2026-02-05T23:00:00Z"));
  /** The same after an extension to receipt + 3 months (2026-04-07: Easter moves it). */
  /** The plan after a pause of 8 days: the deadline moved from 5 to 13 February. */
  private static final ProcessMocks.WatchPlan PLAN_AFTER_8_DAYS_PAUSED = new ProcessMocks.WatchPlan(
      date("2026-02-13T22:59:59Z"), date("2026-02-04T07:00:00Z"), date("2026-02-11T07:00:00Z"),
      date("2026-02-13T23:00:00Z"));
  private static final ProcessMocks.WatchPlan EXTENDED = new ProcessMocks.WatchPlan(date("2026-04-07T21:59:59Z"),
      date("2026-03-27T07:00:00Z"), date("2026-04-02T06:00:00Z"), date("2026-04-07T22:00:00Z"));

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance request;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    mocks.register();
    mocks.plan(PLAN);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void webRequestConfirmedByEmailThenFulfilledApprovedAndClosed() {
    start(webRequest());
    runJobAt("Task_SendAcknowledgement");
    runJobAt("Task_SendConfirmationLink");
    assertThat(request).isWaitingAt("CallActivity_ConfirmEmail");
    assertThat(request).calledProcessInstance("EmailConfirmationProcess").hasBusinessKey(REFERENCE)
        .isWaitingAt("ReceiveTask_AwaitConfirmation");

    correlate(MESSAGE_EMAIL_CONFIRMED);
    assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    assertThat(request).calledProcessInstance("FulfilmentStandInProcess").hasBusinessKey(REFERENCE)
        .hasVariables(REQUEST_REFERENCE, TASK_DUE_DATE);
    answerAndClose();

    assertThat(request).isEnded().hasPassedInOrder("StartEvent_RequestReceived", "Task_SendAcknowledgement",
        "CallActivity_ConfirmEmail", "CallActivity_FulfilRequest",
        "UserTask_ApproveAnswer", "CallActivity_SendClosingLetter", "Task_CloseRequest", "EndEvent_RequestClosed");
    assertThat(mocks.calls()).containsExactly(
        "registerRequestFromStartForm StartEvent_RequestReceived start",
        "planDeadlineWatchDelegate Task_PlanDeadlineWatch",
        "sendLetterDelegate Task_SendAcknowledgement letterKind=ACKNOWLEDGEMENT",
        "sendConfirmationLinkDelegate Task_SendConfirmationLink",
        "subjectDetailsListener UserTask_HandleByHand create",
        "recordAnswerListener UserTask_HandleByHand complete",
        "answerApprovalListener UserTask_ApproveAnswer create",
        "answerApprovalListener UserTask_ApproveAnswer complete",
        "sendClosingLetterDelegate Task_SendClosingLetter",
        "closeRequestDelegate Task_CloseRequest");
  }

  @Test
  void answerRevisedOnceThenApproved() {
    start(webRequest());
    runJobAt("Task_SendAcknowledgement");
    runJobAt("Task_SendConfirmationLink");
    correlate(MESSAGE_EMAIL_CONFIRMED);
    completeOfficerTask("UserTask_HandleByHand");

    decide("UserTask_ApproveAnswer", "answerDecision", "REVISE");
    completeOfficerTask("UserTask_ReviseAnswer");
    decide("UserTask_ApproveAnswer", "answerDecision", "SEND");
    runJobAt("Task_SendClosingLetter");

    assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed");
    assertThat(mocks.calls()).containsSubsequence(
        "answerApprovalListener UserTask_ApproveAnswer complete",
        "subjectDetailsListener UserTask_ReviseAnswer create",
        "recordAnswerListener UserTask_ReviseAnswer complete",
        "answerApprovalListener UserTask_ApproveAnswer create",
        "answerApprovalListener UserTask_ApproveAnswer complete",
        "sendClosingLetterDelegate Task_SendClosingLetter");
    assertThat(historyService().createHistoricActivityInstanceQuery().activityId("UserTask_ApproveAnswer").count())
        .isEqualTo(2);
  }

  @Test
  void subjectWithoutEmailGetsAcknowledgementAndClosingLetterByPost() {
    Map<String, Object> letter = registeredRequest();
    letter.put(POSTAL_DELIVERY, true);
    start(letter);

    runJobAt("Task_SendAcknowledgement");
    completeOfficerTask("UserTask_PostAcknowledgement");
    answerAndClose();
    completeOfficerTask("UserTask_PostClosingLetter");

    assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed").hasNotPassed("CallActivity_ConfirmEmail");
    assertThat(mocks.calls()).containsSubsequence(
        "sendLetterDelegate Task_SendAcknowledgement letterKind=ACKNOWLEDGEMENT",
        "postLetterListener UserTask_PostAcknowledgement create",
        "postLetterListener UserTask_PostAcknowledgement complete",
        "subjectDetailsListener UserTask_HandleByHand create",
        "sendClosingLetterDelegate Task_SendClosingLetter",
        "postLetterListener UserTask_PostClosingLetter create",
        "postLetterListener UserTask_PostClosingLetter complete",
        "closeRequestDelegate Task_CloseRequest");
  }

  @Test
  void objectionToDirectMarketingActsAtOnceAndItsAnswerIsTheOnlyLetter() {
    start(directMarketingObjection(false));

    // carried out at once: no acknowledgement first, no confirmation, no identity check
    assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    assertThat(request).calledProcessInstance("ObjectionRequestProcess").hasBusinessKey(REFERENCE);
    // the objection is carried out with no human step, and its answer goes without approval
    runFulfilmentJobs();
    runJobAt("Task_SendClosingLetter");

    assertThat(request).isEnded().hasPassed("Gateway_ActBeforeAnyLetter", "Gateway_AnswerNeedsApproval",
            "EndEvent_RequestClosed")
        .hasNotPassed("Task_SendAcknowledgement", "CallActivity_ConfirmEmail", "CallActivity_CheckIdentity",
            "UserTask_ApproveAnswer");
    assertThat(taskService().createTaskQuery().count()).as("tasks ever open now").isZero();
  }

  @Test
  void f27_postalObjectionToDirectMarketingWithoutEmailActsBeforeAnyLetterIsPostedAndCloses() {
    // nothing identified the subject in the newsletter: its owners stop the marketing there by hand
    mocks.marketingByHand("newsletter");
    start(directMarketingObjection(true));

    assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    assertThat(taskQuery().taskDefinitionKey("UserTask_PostAcknowledgement").count())
        .as("nothing waits for a letter to be posted").isZero();
    runFulfilmentJobs();
    complete(taskQuery().taskDefinitionKey("UserTask_StopMarketingByHand").singleResult());
    runFulfilmentJobs();
    runJobAt("Task_SendClosingLetter");
    // the answer is the first letter, and the officer posts it
    completeOfficerTask("UserTask_PostClosingLetter");

    assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed")
        .hasNotPassed("Task_SendAcknowledgement", "UserTask_PostAcknowledgement", "UserTask_ApproveAnswer");
    assertThat(mocks.calls()).containsSubsequence(
        "stopMarketingInSystemDelegate Task_StopMarketingInSystem systemId=case-management",
        "carryOutByHandListener UserTask_StopMarketingByHand complete",
        "recordAutomatedAnswerDelegate Task_RecordAutomatedAnswer",
        "sendClosingLetterDelegate Task_SendClosingLetter",
        "postLetterListener UserTask_PostClosingLetter create",
        "postLetterListener UserTask_PostClosingLetter complete",
        "closeRequestDelegate Task_CloseRequest");
    assertThat(mocks.calls()).noneMatch(call -> call.contains("ACKNOWLEDGEMENT"));
  }

  @Test
  void f27_postalWithdrawalOfConsentWithoutEmailActsBeforeAnyLetterIsPostedAndCloses() {
    Map<String, Object> withdrawal = registeredRequest();
    withdrawal.put(POSTAL_DELIVERY, true);
    withdrawal.put(ACTS_BEFORE_ANY_LETTER, true);
    withdrawal.put(FULFILMENT_PROCESS_ID, "ConsentWithdrawalProcess");
    mocks.marketingByHand("newsletter");
    start(withdrawal);

    assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    assertThat(request).calledProcessInstance("ConsentWithdrawalProcess").hasBusinessKey(REFERENCE);
    runFulfilmentJobs();
    complete(taskQuery().taskDefinitionKey("UserTask_WithdrawConsentByHand").singleResult());
    runFulfilmentJobs();
    runJobAt("Task_SendClosingLetter");
    completeOfficerTask("UserTask_PostClosingLetter");

    assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed")
        .hasNotPassed("Task_SendAcknowledgement", "UserTask_PostAcknowledgement", "UserTask_ApproveAnswer");
    assertThat(mocks.calls()).containsSubsequence(
        "withdrawConsentInSystemDelegate Task_WithdrawConsentInSystem systemId=case-management",
        "carryOutByHandListener UserTask_WithdrawConsentByHand complete",
        "recordAutomatedAnswerDelegate Task_RecordAutomatedAnswer",
        "sendClosingLetterDelegate Task_SendClosingLetter",
        "postLetterListener UserTask_PostClosingLetter complete",
        "closeRequestDelegate Task_CloseRequest");
    assertThat(mocks.calls()).noneMatch(call -> call.contains("ACKNOWLEDGEMENT"));
  }

  /** An objection to direct marketing as the intake starts it: carried out at once, by e-mail or by post. */
  private static Map<String, Object> directMarketingObjection(boolean postal) {
    Map<String, Object> objection = registeredRequest();
    objection.put(OBJECTION_SCOPE, "DIRECT_MARKETING");
    objection.put(FULFILMENT_PROCESS_ID, "ObjectionRequestProcess");
    objection.put(ACTS_BEFORE_ANY_LETTER, true);
    objection.put(POSTAL_DELIVERY, postal);
    return objection;
  }

  @Test
  void generalObjectionIsReviewedBalancedAndItsAnswerApproved() {
    generalObjection(true);
    assertThat(request).isEnded().hasPassed("UserTask_ApproveAnswer", "EndEvent_RequestClosed");
  }

  @Test
  void generalObjectionToProcessingNotOpenToObjectionIsAnsweredAfterReview() {
    generalObjection(false);
    assertThat(request).isEnded().hasPassed("UserTask_ApproveAnswer", "EndEvent_RequestClosed");
  }

  private void generalObjection(boolean needsBalancing) {
    Map<String, Object> objection = registeredRequest();
    objection.put(OBJECTION_SCOPE, "GENERAL");
    objection.put(FULFILMENT_PROCESS_ID, "ObjectionRequestProcess");
    start(objection);

    runJobAt("Task_SendAcknowledgement");
    runFulfilmentJobs();
    assertThat(request).calledProcessInstance("ObjectionRequestProcess").isWaitingAt("UserTask_ReviewLegalBasis");
    complete(taskQuery().taskDefinitionKey("UserTask_ReviewLegalBasis").singleResult(),
        withVariables("needsBalancing", needsBalancing));
    if (needsBalancing) {
      complete(taskQuery().taskDefinitionKey("UserTask_BalanceObjection").singleResult());
    }
    runFulfilmentJobs();
    // the owners of the system worked by hand stop the processing there
    complete(taskQuery().taskDefinitionKey("UserTask_CarryOutByHand").singleResult());
    runFulfilmentJobs();
    decide("UserTask_ApproveAnswer", "answerDecision", "SEND");
    runJobAt("Task_SendClosingLetter");
  }

  /** Runs the jobs of the called fulfilment process and of the recipient notices it calls, until none is left. */
  private void runFulfilmentJobs() {
    for (Job job = nextFulfilmentJob(); job != null; job = nextFulfilmentJob()) {
      execute(job);
    }
  }

  private Job nextFulfilmentJob() {
    return Stream.of("ObjectionRequestProcess", "ConsentWithdrawalProcess", "RecipientNoticeProcess")
        .flatMap(key -> managementService().createJobQuery().processDefinitionKey(key).list().stream())
        .findFirst().orElse(null);
  }

  @Test
  void officerVerifiesIdentityThenRequestIsFulfilled() {
    Map<String, Object> email = registeredRequest();
    email.put(IDENTITY_ESTABLISHED, false);
    start(email);

    runJobAt("Task_SendAcknowledgement");
    decide("UserTask_CheckIdentity", "identityDecision", "VERIFIED");
    assertThat(request).isWaitingAt("CallActivity_FulfilRequest").variables().containsEntry(IDENTITY_VERIFIED, true);
    answerAndClose();

    assertThat(request).isEnded().hasPassed("CallActivity_CheckIdentity", "EndEvent_RequestClosed");
    assertThat(mocks.calls()).containsSubsequence(
        "subjectDetailsListener UserTask_CheckIdentity create",
        "identityDecisionListener UserTask_CheckIdentity complete",
        "subjectDetailsListener UserTask_HandleByHand create");
  }

  @Test
  void unverifiableIdentityGetsClosingLetterWithoutFulfilment() {
    Map<String, Object> email = registeredRequest();
    email.put(IDENTITY_ESTABLISHED, false);
    start(email);

    runJobAt("Task_SendAcknowledgement");
    decide("UserTask_CheckIdentity", "identityDecision", "UNVERIFIABLE");
    runJobAt("Task_SendClosingLetter");

    assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed")
        .hasNotPassed("CallActivity_FulfilRequest", "UserTask_ApproveAnswer");
    assertThat(mocks.calls()).endsWith(
        "identityDecisionListener UserTask_CheckIdentity complete",
        "sendClosingLetterDelegate Task_SendClosingLetter",
        "closeRequestDelegate Task_CloseRequest");
  }

  @Test
  void expiredLinkClosesTheRequestAsUnconfirmed() {
    start(webRequest());
    runJobAt("Task_SendAcknowledgement");
    runJobAt("Task_SendConfirmationLink");

    fire(timer("BoundaryEvent_LinkExpired"));
    runJobAt("Task_SendUnconfirmedLetter");

    // the called process closed the request; its error ends this process, the deadline watch included
    assertThat(request).isEnded().hasPassed("BoundaryEvent_RequestUnconfirmed", "EndEvent_RequestUnconfirmed")
        .hasNotPassed("CallActivity_FulfilRequest", "Task_CloseRequest");
    assertThat(mocks.calls()).endsWith(
        "sendLetterDelegate Task_SendUnconfirmedLetter letterKind=UNCONFIRMED",
        "closeRequestDelegate Task_CloseUnconfirmed outcome=UNCONFIRMED");
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @ParameterizedTest(name = "withdrawn while at {0}")
  @ValueSource(strings = {"Task_SendAcknowledgement", "UserTask_PostAcknowledgement", "CallActivity_ConfirmEmail",
      "CallActivity_CheckIdentity", "CallActivity_FulfilRequest", "UserTask_ApproveAnswer", "UserTask_ReviseAnswer",
      "CallActivity_SendClosingLetter", "CallActivity_WatchDeadline"})
  void withdrawalEndsTheRequestWhereverItWaits(String waitingAt) {
    request = runtimeService().createProcessInstanceByKey(PROCESS_ID).businessKey(REFERENCE).setVariables(webRequest())
        .startBeforeActivity(waitingAt).execute();
    assertThat(request).isWaitingAt(waitingAt);

    runtimeService().createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(REFERENCE)
        .correlateExclusively();
    runJobAt("Task_SendWithdrawalLetter");

    assertThat(request).isEnded().hasPassed("EndEvent_WithdrawalConfirmed").hasNotPassed("Task_CloseRequest");
    assertThat(mocks.calls()).endsWith("sendLetterDelegate Task_SendWithdrawalLetter letterKind=WITHDRAWN");
    assertThat(runtimeService().createProcessInstanceQuery().count()).as("running processes").isZero();
    assertThat(taskService().createTaskQuery().count()).as("open tasks").isZero();
    assertThat(managementService().createJobQuery().count()).as("jobs").isZero();
  }

  @Test
  void deadlineWatchRunsBesideTheHandlingAndItsEndLeavesTheHandlingGoing() {
    start(registeredRequest());
    runJobAt("Task_SendAcknowledgement");
    assertThat(request).isWaitingAt("CallActivity_FulfilRequest", "CallActivity_WatchDeadline");
    assertThat(request).calledProcessInstance("DeadlineWatchProcess").hasBusinessKey(REFERENCE)
        .isWaitingAt("Event_FirstReminderDue");

    // the record says the request is not overdue when the deadline passes (answered meanwhile, say): the watch ends
    mocks.stillOverdue(false);
    fire(timer("Event_FirstReminderDue"));
    runJobAt("Task_RemindOfficer");
    fire(timer("Event_FinalWarningDue"));
    runJobAt("Task_WarnOfficersAndManagement");
    fire(timer("Event_DeadlinePassed"));

    assertThat(request).hasPassed("EndEvent_DeadlineWatchEnded").isWaitingAt("CallActivity_FulfilRequest");
    answerAndClose();
    assertThat(request).isEnded();
  }

  @Test
  void extensionMovesEveryTimerAndTaskDueDateAndTellsTheSubject() {
    start(registeredRequest());
    runJobAt("Task_SendAcknowledgement");
    fire(timer("Event_FirstReminderDue"));
    runJobAt("Task_RemindOfficer");
    assertThat(timer("Event_FinalWarningDue")).hasDueDate(PLAN.finalWarningAt());
    Task handling = officerTask("UserTask_HandleByHand");

    // the officer extends the deadline within the first month: the record tells the process as the workflow does
    mocks.plan(EXTENDED);
    runtimeService().createSignalEvent(DataSubjectRequestProcessVariables.SIGNAL_DEADLINE_CHANGED + REFERENCE).send();
    correlate(DataSubjectRequestProcessVariables.MESSAGE_DEADLINE_EXTENDED);

    // the watch starts again for the new deadline: the first reminder comes again, no timer of the old one is left
    assertThat(managementService().createJobQuery().timers().list()).singleElement()
        .satisfies(job -> assertThat(job).hasDueDate(EXTENDED.firstReminderAt()));
    assertThat(timer("Event_FirstReminderDue")).isNotNull();
    assertThat(taskService().createTaskQuery().taskId(handling.getId()).singleResult().getDueDate())
        .isEqualTo(EXTENDED.taskDueAt());
    assertThat(request).calledProcessInstance("FulfilmentStandInProcess").variables()
        .containsEntry(TASK_DUE_DATE, EXTENDED.taskDueAt());
    runJobAt("Task_SendExtensionLetter");
    assertThat(mocks.calls()).containsSubsequence(
        "planDeadlineWatchDelegate Task_PlanDeadlineWatch",
        "sendOutcomeLetterDelegate Task_SendExtensionLetter letterKind=EXTENSION");

    // tasks created later are due by the new deadline too
    completeOfficerTask("UserTask_HandleByHand", EXTENDED.taskDueAt());
    assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_ApproveAnswer").singleResult())
        .hasDueDate(EXTENDED.taskDueAt());
  }

  @Test
  void f10_printedExtensionLetterIsDueWithinTheFirstMonthAndTheWatchLeavesItThere() {
    Map<String, Object> letter = registeredRequest();
    letter.put(POSTAL_DELIVERY, true);
    start(letter);
    runJobAt("Task_SendAcknowledgement");
    completeOfficerTask("UserTask_PostAcknowledgement");

    mocks.plan(EXTENDED);
    runtimeService().createSignalEvent(DataSubjectRequestProcessVariables.SIGNAL_DEADLINE_CHANGED + REFERENCE).send();
    correlate(DataSubjectRequestProcessVariables.MESSAGE_DEADLINE_EXTENDED);
    runJobAt("Task_SendExtensionLetter");
    assertThat(officerTask("UserTask_HandleByHand", EXTENDED.taskDueAt())).isNotNull();
    assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_PostExtensionLetter").singleResult())
        .as("Art 12(3): the subject is told within the first month, not by the extended deadline")
        .hasDueDate(DUE);

    // the watch planned again (a pause, say) moves every other task, never this one
    mocks.plan(PLAN_AFTER_8_DAYS_PAUSED);
    runtimeService().createSignalEvent(DataSubjectRequestProcessVariables.SIGNAL_DEADLINE_CHANGED + REFERENCE).send();
    assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_PostExtensionLetter").singleResult())
        .hasDueDate(DUE);
    assertThat(officerTask("UserTask_HandleByHand", PLAN_AFTER_8_DAYS_PAUSED.taskDueAt())).isNotNull();
  }

  @Test
  void askingForIdentityInformationPausesTheWatchAndTheSubjectsOnlineReplyResumesIt() {
    Map<String, Object> email = registeredRequest();
    email.put(IDENTITY_ESTABLISHED, false);
    start(email);
    runJobAt("Task_SendAcknowledgement");

    // while paused, the record plans for the latest deadline the pause can give
    ProcessMocks.WatchPlan paused = new ProcessMocks.WatchPlan(date("2026-03-07T22:59:59Z"),
        date("2026-02-26T07:00:00Z"), date("2026-03-04T07:00:00Z"), date("2026-03-07T23:00:00Z"));
    decide("UserTask_CheckIdentity", "identityDecision", "ASK_FOR_INFORMATION");
    mocks.plan(paused);
    runJobAt("Task_SendInformationRequest");
    // the watch is planned again in the same transaction; the wait starts after it, with the due date it set
    runJobAt("Event_WatchUpdatedOnRequest");
    assertThat(request).calledProcessInstance("IdentityCheckProcess").hasPassed("Event_WatchUpdatedOnRequest")
        .isWaitingAt("UserTask_AwaitIdentityInformation");
    assertThat(timer("Event_FirstReminderDue")).hasDueDate(paused.firstReminderAt());
    assertThat(timer("BoundaryEvent_NoReply")).hasDueDate(Date.from(RECEIVED.plus(ProcessMocks.REPLY_WITHIN)));
    assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_AwaitIdentityInformation").singleResult())
        .hasCandidateGroup(OFFICERS).hasDueDate(paused.taskDueAt());

    // the subject answers after 8 days: the paused days move the deadline, and the officer checks again
    ClockUtil.setCurrentTime(Date.from(RECEIVED.plus(Duration.ofDays(8))));
    mocks.plan(PLAN_AFTER_8_DAYS_PAUSED);
    correlate(DataSubjectRequestProcessVariables.MESSAGE_IDENTITY_INFORMATION_RECEIVED);
    runJobAt("Event_WatchUpdatedOnReply");
    assertThat(request).calledProcessInstance("IdentityCheckProcess")
        .hasPassed("BoundaryEvent_ReplyReceived", "Event_WatchUpdatedOnReply").isWaitingAt("UserTask_CheckIdentity");
    assertThat(timer("Event_FirstReminderDue")).hasDueDate(PLAN_AFTER_8_DAYS_PAUSED.firstReminderAt());
    assertThat(timer("BoundaryEvent_NoReply")).isNull();
    Task check = taskService().createTaskQuery().taskDefinitionKey("UserTask_CheckIdentity").singleResult();
    assertThat(check).hasDueDate(PLAN_AFTER_8_DAYS_PAUSED.taskDueAt());
    taskService().setVariableLocal(check.getId(), "identityDecision", "VERIFIED");
    taskService().complete(check.getId());

    assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    assertThat(mocks.calls()).containsSubsequence(
        "identityDecisionListener UserTask_CheckIdentity complete",
        "sendIdentityInformationRequestDelegate Task_SendInformationRequest",
        "planDeadlineWatchDelegate Task_PlanDeadlineWatch",
        "identityReplyListener UserTask_AwaitIdentityInformation create",
        "planDeadlineWatchDelegate Task_PlanDeadlineWatch",
        "subjectDetailsListener UserTask_CheckIdentity create",
        "identityDecisionListener UserTask_CheckIdentity complete");
  }

  @Test
  void duplicateSubmissionIsToldAndEndsWithoutHandling() {
    Map<String, Object> duplicate = webRequest();
    duplicate.put(DataSubjectRequestProcessVariables.DUPLICATE_SUBMISSION, true);
    start(duplicate);

    runJobAt("Task_SendDuplicateLetter");

    assertThat(request).isEnded().hasPassed("EndEvent_DuplicateClosed")
        .hasNotPassed("Task_SendAcknowledgement", "CallActivity_WatchDeadline");
    assertThat(mocks.calls()).containsExactly(
        "registerRequestFromStartForm StartEvent_RequestReceived start",
        "sendOutcomeLetterDelegate Task_SendDuplicateLetter letterKind=DUPLICATE");
  }

  @Test
  void refusalUnderArt12_5EndsTheRequestWithItsLetterWhereverItWaits() {
    start(registeredRequest());
    runJobAt("Task_SendAcknowledgement");
    assertThat(request).calledProcessInstance("FulfilmentStandInProcess").isWaitingAt("UserTask_HandleByHand");

    correlate(DataSubjectRequestProcessVariables.MESSAGE_REQUEST_REFUSED);
    runJobAt("Task_SendRefusalLetter");

    assertThat(request).isEnded().hasPassed("CallActivity_RefuseRequest", "EndEvent_Refused")
        .hasNotPassed("Task_CloseRequest");
    assertThat(mocks.calls()).endsWith(
        "sendOutcomeLetterDelegate Task_SendRefusalLetter letterKind=REFUSAL_EXCESSIVE",
        "closeRequestDelegate Task_CloseRefused outcome=REFUSED");
    assertThat(runtimeService().createProcessInstanceQuery().count()).as("running processes").isZero();
    assertThat(taskService().createTaskQuery().count()).as("open tasks").isZero();
  }

  @Test
  void feeAcceptedByTheSubjectLetsTheHandlingGoOn() {
    announceFee();

    decide("UserTask_RegisterFeeAnswer", "feeAnswer", "ACCEPTED");

    assertThat(request).hasPassed("EndEvent_FeeAccepted").hasNotPassed("EndEvent_FeeRefused")
        .isWaitingAt("CallActivity_FulfilRequest");
    assertThat(mocks.calls()).containsSubsequence(
        "sendOutcomeLetterDelegate Task_SendFeeLetter letterKind=FEE_ANNOUNCED",
        "feeAnswerListener Flow_FeeLetterDelivered take",
        "feeAnswerListener UserTask_RegisterFeeAnswer create",
        "feeAnswerListener UserTask_RegisterFeeAnswer complete feeAnswer=ACCEPTED");
    answerAndClose();
    assertThat(request).isEnded().hasPassed("Task_CloseRequest");
  }

  @Test
  void feeDeclinedStopsTheHandlingAndRefusesTheRequestWithItsLetter() {
    announceFee();

    decide("UserTask_RegisterFeeAnswer", "feeAnswer", "DECLINED");
    runJobAt("Task_SendRefusalLetter");

    assertThat(request).isEnded().hasPassed("EndEvent_FeeRefused", "CallActivity_RefuseForFee",
        "EndEvent_FeeNotAccepted").hasNotPassed("EndEvent_FeeAccepted", "Task_CloseRequest");
    assertThat(mocks.calls()).endsWith(
        "feeAnswerListener UserTask_RegisterFeeAnswer complete feeAnswer=DECLINED",
        "sendOutcomeLetterDelegate Task_SendRefusalLetter letterKind=REFUSAL_EXCESSIVE",
        "closeRequestDelegate Task_CloseRefused outcome=REFUSED");
    assertThat(runtimeService().createProcessInstanceQuery().count()).as("running processes").isZero();
    assertThat(taskService().createTaskQuery().count()).as("open tasks").isZero();
  }

  @Test
  void refusalLetterAfterAFeeIsPrintedForPostingForASubjectWithoutEmail() {
    Map<String, Object> letter = registeredRequest();
    letter.put(POSTAL_DELIVERY, true);
    start(letter);
    runJobAt("Task_SendAcknowledgement");
    completeOfficerTask("UserTask_PostAcknowledgement");
    correlate(DataSubjectRequestProcessVariables.MESSAGE_FEE_ANNOUNCED);
    runJobAt("Task_SendFeeLetter");
    completeOfficerTask("UserTask_PostFeeLetter");

    decide("UserTask_RegisterFeeAnswer", "feeAnswer", "DECLINED");
    runJobAt("Task_SendRefusalLetter");
    completeOfficerTask("UserTask_PostRefusalLetter");

    assertThat(request).isEnded().hasPassed("CallActivity_RefuseForFee", "EndEvent_FeeNotAccepted");
  }

  /** The officer announces a fee while the request is being handled; the letter goes out by e-mail. */
  private void announceFee() {
    start(registeredRequest());
    runJobAt("Task_SendAcknowledgement");
    correlate(DataSubjectRequestProcessVariables.MESSAGE_FEE_ANNOUNCED);
    runJobAt("Task_SendFeeLetter");
    assertThat(request).isWaitingAt("CallActivity_AskForFee", "CallActivity_FulfilRequest");
  }

  @Test
  void requestAboutACustomersDataIsForwardedToThatControllerAndClosed() {
    start(registeredRequest());
    runJobAt("Task_SendAcknowledgement");

    correlate(DataSubjectRequestProcessVariables.MESSAGE_REQUEST_FORWARDED);
    runJobAt("Task_ForwardToController");
    runJobAt("Task_SendForwardedLetter");

    assertThat(request).isEnded().hasPassed("Task_CloseForwarded", "EndEvent_RequestForwarded");
    assertThat(mocks.calls()).endsWith(
        "forwardToControllerDelegate Task_ForwardToController",
        "sendOutcomeLetterDelegate Task_SendForwardedLetter letterKind=FORWARDED",
        "closeRequestDelegate Task_CloseForwarded outcome=FORWARDED_TO_CONTROLLER");
    assertThat(runtimeService().createProcessInstanceQuery().count()).as("running processes").isZero();
  }

  @Test
  void f32_onlyTheCustomersPartIsForwardedAndTheRequestGoesOnForMicosOwnData() {
    start(registeredRequest());
    runJobAt("Task_SendAcknowledgement");

    correlate(DataSubjectRequestProcessVariables.MESSAGE_PART_FORWARDED);
    runJobAt("Task_ForwardToController");
    runJobAt("Task_SendForwardedLetter");

    assertThat(request).isNotEnded().hasPassed("EndEvent_PartForwarded").hasNotPassed("Task_CloseForwarded");
    assertThat(mocks.calls()).endsWith(
        "forwardToControllerDelegate Task_ForwardToController",
        "sendOutcomeLetterDelegate Task_SendForwardedLetter letterKind=FORWARDED");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"DeadlineExtended", "FeeAnnounced", "RequestRefused", "RequestForwarded",
      "RequestPartForwarded"})
  void lettersOfTheDeadlineAndTheOutcomesArePrintedForPostingForASubjectWithoutEmail(String message) {
    Map<String, Object> letter = registeredRequest();
    letter.put(POSTAL_DELIVERY, true);
    start(letter);
    runJobAt("Task_SendAcknowledgement");
    completeOfficerTask("UserTask_PostAcknowledgement");

    correlate(message);
    switch (message) {
      case "DeadlineExtended" -> runJobAt("Task_SendExtensionLetter");
      case "FeeAnnounced" -> runJobAt("Task_SendFeeLetter");
      case "RequestRefused" -> runJobAt("Task_SendRefusalLetter");
      default -> {
        runJobAt("Task_ForwardToController");
        runJobAt("Task_SendForwardedLetter");
      }
    }
    String postTask = switch (message) {
      case "DeadlineExtended" -> "UserTask_PostExtensionLetter";
      case "FeeAnnounced" -> "UserTask_PostFeeLetter";
      case "RequestRefused" -> "UserTask_PostRefusalLetter";
      default -> "UserTask_PostForwardedLetter";
    };
    completeOfficerTask(postTask);

    assertThat(historyService().createHistoricActivityInstanceQuery().activityId(postTask).finished().count())
        .as("%s done", postTask).isOne();
    assertThat(mocks.calls()).containsSubsequence("postLetterListener " + postTask + " create",
        "postLetterListener " + postTask + " complete");
    if (message.equals("RequestPartForwarded")) {
      assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    } else if (message.startsWith("Request")) {
      assertThat(request).isEnded();
    } else if (message.equals("FeeAnnounced")) {
      assertThat(request).isWaitingAt("CallActivity_AskForFee", "CallActivity_FulfilRequest");
    } else {
      assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    }
  }

  /** A web request as the intake starts it: e-mail confirmation first, identity then established. */
  private static Map<String, Object> webRequest() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUEST_REFERENCE, REFERENCE);
    variables.put(CONFIRMATION_REQUIRED, true);
    variables.put(IDENTITY_ESTABLISHED, true);
    variables.put(ACTS_BEFORE_ANY_LETTER, false);
    variables.put(POSTAL_DELIVERY, false);
    variables.put(FULFILMENT_PROCESS_ID, "FulfilmentStandInProcess");
    variables.put(TASK_DUE_DATE, DUE);
    variables.put(DataSubjectRequestProcessVariables.FIRST_MONTH_ENDS_AT, DUE);
    variables.put(DataSubjectRequestProcessVariables.DUPLICATE_SUBMISSION, false);
    return variables;
  }

  /** A request an officer registered (e-mail, phone, letter): no confirmation link, identity verified. */
  private static Map<String, Object> registeredRequest() {
    Map<String, Object> variables = webRequest();
    variables.put(CONFIRMATION_REQUIRED, false);
    return variables;
  }

  private void start(Map<String, Object> variables) {
    request = runtimeService().startProcessInstanceByKey(PROCESS_ID, REFERENCE, variables);
  }

  private void correlate(String message) {
    runtimeService().createMessageCorrelation(message).processInstanceBusinessKey(REFERENCE).correlate();
  }

  /**
   * Runs the job waiting before an activity, in this process or one it called; that it exists at all shows the
   * activity is async.
   */
  private void runJobAt(String activityId) {
    Job job = managementService().createJobQuery().activityId(activityId).singleResult();
    assertThat(job).as("job before %s", activityId).isNotNull();
    execute(job);
  }

  /** Moves the clock to the timer's due date and lets it fire, as the job executor would. */
  private void fire(Job timer) {
    assertThat(timer).as("timer").isNotNull();
    ClockUtil.setCurrentTime(timer.getDuedate());
    execute(timer);
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }

  /** The timer of an event, in this process or one it called (each test runs one request). */
  private Job timer(String boundaryEventId) {
    return managementService().createJobQuery().activityId(boundaryEventId).timers().singleResult();
  }

  /** The officer's open task of that kind in this request (its own process or the fulfilment process). */
  private Task officerTask(String taskKey) {
    return officerTask(taskKey, DUE);
  }

  private Task officerTask(String taskKey, Date due) {
    Task task = taskService().createTaskQuery().processInstanceBusinessKey(REFERENCE).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    assertThat(task).hasCandidateGroup(OFFICERS).hasDueDate(due);
    return task;
  }

  private void completeOfficerTask(String taskKey) {
    completeOfficerTask(taskKey, DUE);
  }

  private void completeOfficerTask(String taskKey, Date due) {
    taskService().complete(officerTask(taskKey, due).getId());
  }

  /** Completes the task with the form field set where Tasklist leaves it: on the task, not the process. */
  private void decide(String taskKey, String field, Object value) {
    Task task = officerTask(taskKey);
    taskService().setVariableLocal(task.getId(), field, value);
    taskService().complete(task.getId());
  }

  /** From the fulfilment task to the closing letter, answer approved at once. */
  private void answerAndClose() {
    completeOfficerTask("UserTask_HandleByHand");
    decide("UserTask_ApproveAnswer", "answerDecision", "SEND");
    runJobAt("Task_SendClosingLetter");
  }
}
