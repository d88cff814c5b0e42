package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_EXPIRES_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_REMINDER_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_REQUIRED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.OBJECTION_SCOPE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.FULFILMENT_PROCESS_ID;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_ESTABLISHED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_VERIFIED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.MESSAGE_EMAIL_CONFIRMED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.MESSAGE_LINK_REQUESTED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.MESSAGE_WITHDRAWN;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.POSTAL_DELIVERY;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.PROCESS_ID;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_TYPE;
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

/** DataSubjectRequestProcess.bpmn, one method per path, with stand-ins for the beans (see {@link ProcessMocks}). */
@Deployment(resources = {"DataSubjectRequestProcess.bpmn", "RectificationRequestProcess.bpmn",
    "ObjectionRequestProcess.bpmn"})
class DataSubjectRequestProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  private static final String OFFICERS = "gdpr-officer";
  private static final Instant RECEIVED = Instant.parse("2026-01-05T09:00:00Z");
  /** The last second of the legal deadline, as the app computes it: every officer task is due then. */
  private static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  private final ProcessMocks mocks = new ProcessMocks();
  private ProcessInstance request;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    ClockUtil.setCurrentTime(Date.from(RECEIVED));
    mocks.register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void webRequestConfirmedByEmailThenFulfilledApprovedAndClosed() {
    start(webRequest());
    runJobAt("Task_SendAcknowledgement");
    runJobAt("Task_SendConfirmationLink");
    assertThat(request).isWaitingAt("ReceiveTask_AwaitConfirmation");

    correlate(MESSAGE_EMAIL_CONFIRMED);
    assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    assertThat(request).calledProcessInstance("RectificationRequestProcess").hasBusinessKey(REFERENCE)
        .hasVariables(REQUEST_REFERENCE, TASK_DUE_DATE);
    answerAndClose();

    assertThat(request).isEnded().hasPassedInOrder("StartEvent_RequestReceived", "Task_SendAcknowledgement",
        "Task_SendConfirmationLink", "ReceiveTask_AwaitConfirmation", "CallActivity_FulfilRequest",
        "UserTask_ApproveAnswer", "Task_SendClosingLetter", "Task_CloseRequest", "EndEvent_RequestClosed");
    assertThat(mocks.calls()).containsExactly(
        "registerRequestFromStartForm StartEvent_RequestReceived start",
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

    assertThat(request).isEnded().hasPassed("EndEvent_RequestClosed").hasNotPassed("Task_SendConfirmationLink");
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
  void objectionToDirectMarketingActsWithoutConfirmation() {
    Map<String, Object> objection = webRequest();
    objection.put(REQUEST_TYPE, "OBJECTION");
    objection.put(OBJECTION_SCOPE, "DIRECT_MARKETING");
    objection.put(FULFILMENT_PROCESS_ID, "ObjectionRequestProcess");
    objection.put(CONFIRMATION_REQUIRED, false);
    start(objection);

    runJobAt("Task_SendAcknowledgement");
    assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
    assertThat(request).calledProcessInstance("ObjectionRequestProcess").hasBusinessKey(REFERENCE);
    // the objection is carried out with no human step, and its answer goes without approval
    while (!managementService().createJobQuery().processDefinitionKey("ObjectionRequestProcess").list().isEmpty()) {
      execute(managementService().createJobQuery().processDefinitionKey("ObjectionRequestProcess").list().get(0));
    }
    runJobAt("Task_SendClosingLetter");

    assertThat(request).isEnded().hasPassed("Gateway_AnswerNeedsApproval", "EndEvent_RequestClosed")
        .hasNotPassed("Task_SendConfirmationLink", "UserTask_CheckIdentity", "UserTask_ApproveAnswer");
    assertThat(taskService().createTaskQuery().count()).as("tasks ever open now").isZero();
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
    objection.put(REQUEST_TYPE, "OBJECTION");
    objection.put(OBJECTION_SCOPE, "GENERAL");
    objection.put(FULFILMENT_PROCESS_ID, "ObjectionRequestProcess");
    start(objection);

    runJobAt("Task_SendAcknowledgement");
    runObjectionJobs();
    assertThat(request).calledProcessInstance("ObjectionRequestProcess").isWaitingAt("UserTask_ReviewLegalBasis");
    complete(taskQuery().taskDefinitionKey("UserTask_ReviewLegalBasis").singleResult(),
        withVariables("needsBalancing", needsBalancing));
    if (needsBalancing) {
      complete(taskQuery().taskDefinitionKey("UserTask_BalanceObjection").singleResult());
    }
    runObjectionJobs();
    decide("UserTask_ApproveAnswer", "answerDecision", "SEND");
    runJobAt("Task_SendClosingLetter");
  }

  private void runObjectionJobs() {
    while (!managementService().createJobQuery().processDefinitionKey("ObjectionRequestProcess").list().isEmpty()) {
      execute(managementService().createJobQuery().processDefinitionKey("ObjectionRequestProcess").list().get(0));
    }
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

    assertThat(request).isEnded().hasPassed("UserTask_CheckIdentity", "EndEvent_RequestClosed");
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
  void reminderGoesOutWhileTheRequestStillWaitsForConfirmation() {
    start(webRequest());
    runJobAt("Task_SendAcknowledgement");
    runJobAt("Task_SendConfirmationLink");

    Job reminder = timer("BoundaryEvent_ReminderDue");
    assertThat(reminder).hasDueDate(Date.from(RECEIVED.plus(ProcessMocks.REMINDER_AFTER)));
    ClockUtil.setCurrentTime(reminder.getDuedate());
    execute(reminder);
    runJobAt("Task_SendConfirmationReminder");

    assertThat(request).hasPassed("EndEvent_ReminderSent").isWaitingAt("ReceiveTask_AwaitConfirmation");
    assertThat(timer("BoundaryEvent_LinkExpired")).isNotNull();
    assertThat(mocks.calls()).endsWith("sendConfirmationReminderDelegate Task_SendConfirmationReminder");
  }

  @Test
  void linkRequestedAgainIsSentAgainWhileTheRequestStillWaits() {
    start(webRequest());
    runJobAt("Task_SendAcknowledgement");
    runJobAt("Task_SendConfirmationLink");

    Instant askedAgain = RECEIVED.plus(Duration.ofDays(3));
    ClockUtil.setCurrentTime(Date.from(askedAgain));
    correlate(MESSAGE_LINK_REQUESTED);
    runJobAt("Task_SendConfirmationLinkAgain");

    assertThat(request).hasPassed("EndEvent_LinkSentAgain").isWaitingAt("ReceiveTask_AwaitConfirmation")
        .variables().containsEntry(CONFIRMATION_EXPIRES_AT, Date.from(askedAgain.plus(ProcessMocks.LINK_VALIDITY)));
    assertThat(mocks.calls()).endsWith("sendConfirmationLinkDelegate Task_SendConfirmationLinkAgain");

    correlate(MESSAGE_EMAIL_CONFIRMED);
    assertThat(request).isWaitingAt("CallActivity_FulfilRequest");
  }

  @Test
  void expiredLinkClosesTheRequestAsUnconfirmed() {
    start(webRequest());
    runJobAt("Task_SendAcknowledgement");
    runJobAt("Task_SendConfirmationLink");

    Job expiry = timer("BoundaryEvent_LinkExpired");
    assertThat(expiry).hasDueDate(Date.from(RECEIVED.plus(ProcessMocks.LINK_VALIDITY)));
    ClockUtil.setCurrentTime(expiry.getDuedate());
    execute(expiry);
    runJobAt("Task_SendUnconfirmedLetter");

    assertThat(request).isEnded().hasPassed("Task_CloseUnconfirmed", "EndEvent_RequestUnconfirmed")
        .hasNotPassed("CallActivity_FulfilRequest", "Task_CloseRequest");
    assertThat(mocks.calls()).endsWith(
        "sendLetterDelegate Task_SendUnconfirmedLetter letterKind=UNCONFIRMED",
        "closeRequestDelegate Task_CloseUnconfirmed outcome=UNCONFIRMED");
    assertThat(managementService().createJobQuery().count()).isZero();
  }

  @ParameterizedTest(name = "withdrawn while at {0}")
  @ValueSource(strings = {"Task_SendAcknowledgement", "UserTask_PostAcknowledgement", "Task_SendConfirmationLink",
      "ReceiveTask_AwaitConfirmation", "UserTask_CheckIdentity", "CallActivity_FulfilRequest", "UserTask_ApproveAnswer",
      "UserTask_ReviseAnswer", "Task_SendClosingLetter", "UserTask_PostClosingLetter"})
  void withdrawalEndsTheRequestWhereverItWaits(String waitingAt) {
    Map<String, Object> variables = webRequest();
    variables.put(CONFIRMATION_EXPIRES_AT, Date.from(RECEIVED.plus(ProcessMocks.LINK_VALIDITY)));
    variables.put(CONFIRMATION_REMINDER_AT, Date.from(RECEIVED.plus(ProcessMocks.REMINDER_AFTER)));
    request = runtimeService().createProcessInstanceByKey(PROCESS_ID).businessKey(REFERENCE).setVariables(variables)
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

  /** A web request for a right handled by hand, as the intake starts it: e-mail confirmation first, identity then
   * established. */
  private static Map<String, Object> webRequest() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUEST_REFERENCE, REFERENCE);
    variables.put(REQUEST_TYPE, "RECTIFICATION");
    variables.put(CONFIRMATION_REQUIRED, true);
    variables.put(IDENTITY_ESTABLISHED, true);
    variables.put(POSTAL_DELIVERY, false);
    variables.put(FULFILMENT_PROCESS_ID, "RectificationRequestProcess");
    variables.put(TASK_DUE_DATE, DUE);
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

  /** Runs the job waiting before an activity; that it exists at all shows the activity is async. */
  private void runJobAt(String activityId) {
    Job job = managementService().createJobQuery().processInstanceId(request.getId()).activityId(activityId)
        .singleResult();
    assertThat(job).as("job before %s", activityId).isNotNull();
    execute(job);
    // a letter commits as soon as it is sent: its task is async after too, with a second job to continue; not the
    // first confirmation link, after which the process must already wait when the subject clicks
    Job after = managementService().createJobQuery().processInstanceId(request.getId()).activityId(activityId)
        .singleResult();
    if (activityId.startsWith("Task_Send") && !activityId.equals("Task_SendConfirmationLink")) {
      assertThat(after).as("job after %s", activityId).isNotNull();
    }
    if (after != null) {
      execute(after);
    }
  }

  private Job timer(String boundaryEventId) {
    return managementService().createJobQuery().processInstanceId(request.getId()).activityId(boundaryEventId)
        .timers().singleResult();
  }

  /** The officer's open task of that kind in this request (its own process or the fulfilment process). */
  private Task officerTask(String taskKey) {
    Task task = taskService().createTaskQuery().processInstanceBusinessKey(REFERENCE).taskDefinitionKey(taskKey)
        .singleResult();
    assertThat(task).as("open task %s", taskKey).isNotNull();
    assertThat(task).hasCandidateGroup(OFFICERS).hasDueDate(DUE);
    return task;
  }

  private void completeOfficerTask(String taskKey) {
    taskService().complete(officerTask(taskKey).getId());
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
