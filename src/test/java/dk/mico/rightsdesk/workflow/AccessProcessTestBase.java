package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.DELIVERY_NEEDED;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.TRANSMISSION_WANTED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_NEEDS_APPROVAL;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The paths of the access and portability processes, which share one shape: gather from every JDBC system (a job
 * each), search every manual system by hand (a task for its owner group, the request waits), the officer's review,
 * and the download prepared only when something is released. What the review decides (redaction, name-only
 * matches, refusal in part) is the business of {@code AccessReview}; here the stand-in answers as it would.
 */
abstract class AccessProcessTestBase {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private static final String REFERENCE = "DSR-2026-00001";
  static final Date DUE = Date.from(Instant.parse("2026-02-05T22:59:59Z"));

  private final String processId;
  private final Systems systems = new Systems();
  /** What the stand-in review answers: whether anything is released to the subject. */
  boolean somethingReleased;
  /** What the stand-in preparation answers: whether the subject named another controller (portability only). */
  boolean transmissionWanted;
  final List<String> calls = new ArrayList<>();

  AccessProcessTestBase(String processId) {
    this.processId = processId;
  }

  /** The company's systems as the process sees them; manual ones are set per test. */
  public static final class Systems {
    private List<String> manual = List.of();

    public List<String> searchable() {
      return List.of("case-management", "newsletter");
    }

    public List<String> manual() {
      return manual;
    }

    public String ownerGroup(String systemId) {
      return "mail-archive-owners";
    }
  }

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("companySystemIds", systems);
    Mocks.register("gatherFromSystemDelegate", (JavaDelegate) execution ->
        calls.add("gather " + execution.getVariable("systemId")));
    Mocks.register("manualSearchListener", (TaskListener) task ->
        calls.add("manual search " + task.getEventName() + " " + task.getExecution().getVariable("systemId")));
    Mocks.register("reportReviewListener", (TaskListener) task -> {
      calls.add("review " + task.getEventName() + (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
          ? " " + task.getVariableLocal("reviewDecision") : ""));
      if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        task.getExecution().setVariable(DELIVERY_NEEDED, somethingReleased);
        task.getExecution().setVariable(ANSWER_NEEDS_APPROVAL, true);
      }
    });
    Mocks.register("prepareDownloadDelegate", (JavaDelegate) execution -> {
      calls.add("prepare download");
      execution.setVariable(TRANSMISSION_WANTED, transmissionWanted);
    });
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
  }

  @Test
  void foundInSeveralSystemsTheApprovedReportIsPreparedForDownload() {
    somethingReleased = true;
    ProcessInstance instance = start();

    reviewAndDecide(instance, "APPROVE");

    assertThat(instance).isEnded().hasPassed("Task_PrepareDownload", "EndEvent_AnswerReady");
    assertThat(calls).containsExactly("gather case-management", "gather newsletter", "review create",
        "review complete APPROVE", "prepare download");
    assertAnswerGoesToApproval(instance);
  }

  @Test
  void foundNowhereNothingIsPreparedAndTheLetterSaysSo() {
    somethingReleased = false;
    ProcessInstance instance = start();

    reviewAndDecide(instance, "APPROVE");

    assertThat(instance).isEnded().hasPassed("EndEvent_NothingToDeliver").hasNotPassed("Task_PrepareDownload");
    assertThat(calls).doesNotContain("prepare download");
    assertAnswerGoesToApproval(instance);
  }

  @Test
  void aManualSystemGivesItsOwnerATaskAndTheRequestWaitsForIt() {
    systems.manual = List.of("email-archive");
    somethingReleased = true;
    ProcessInstance instance = start();
    AutomatedPaths.runAllJobs(instance);

    assertThat(instance).isWaitingAt("UserTask_SearchManualSystem");
    Task search = task(instance);
    assertThat(search).hasCandidateGroup("mail-archive-owners").hasDueDate(DUE);
    assertThat(taskService().createTaskQuery().taskDefinitionKey("UserTask_ReviewReport").count()).isZero();
    complete(search, Map.of("foundInSystem", "FOUND"));

    reviewAndDecide(instance, "APPROVE");
    assertThat(calls).containsSubsequence("manual search create email-archive",
        "manual search complete email-archive", "review create");
    assertThat(instance).isEnded().hasPassed("EndEvent_AnswerReady");
  }

  @Test
  void refusedInPartTheRestIsStillDelivered() {
    somethingReleased = true;
    ProcessInstance instance = start();

    reviewAndDecide(instance, "PARTIAL_REFUSAL");

    assertThat(instance).isEnded().hasPassed("Task_PrepareDownload", "EndEvent_AnswerReady");
    assertThat(calls).contains("review complete PARTIAL_REFUSAL", "prepare download");
  }

  @Test
  void onlyNameMatchesThatTheOfficerDidNotReleaseLeaveNothingToDeliver() {
    somethingReleased = false; // the only records matched by name and the officer kept them back
    ProcessInstance instance = start();

    reviewAndDecide(instance, "APPROVE");

    assertThat(instance).isEnded().hasPassed("EndEvent_NothingToDeliver");
  }

  ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(processId, REFERENCE,
        Map.of(REQUEST_REFERENCE, REFERENCE, TASK_DUE_DATE, DUE));
  }

  /** Runs the gathering jobs, then the officer reviews and decides; then the remaining jobs run. */
  void reviewAndDecide(ProcessInstance instance, String decision) {
    AutomatedPaths.runAllJobs(instance);
    assertThat(instance).isWaitingAt("UserTask_ReviewReport");
    Task review = task(instance);
    assertThat(review).hasCandidateGroup("gdpr-officer").hasDueDate(DUE);
    taskService().setVariableLocal(review.getId(), "reviewDecision", decision);
    complete(review);
    AutomatedPaths.runAllJobs(instance);
  }

  /** The main process shows the officer the letter before it goes: the call activity hands this flag out. */
  private void assertAnswerGoesToApproval(ProcessInstance instance) {
    assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
        .variableName(ANSWER_NEEDS_APPROVAL).singleResult().getValue()).isEqualTo(true);
  }
}
