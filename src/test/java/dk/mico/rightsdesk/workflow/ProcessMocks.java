package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_APPROVED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_NEEDS_APPROVAL;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_EXPIRES_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_REMINDER_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.DOWNLOAD_CODE_TO_SEND;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_VERIFIED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.LETTER_KIND;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.FINAL_WARNING_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.FIRST_REMINDER_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_INFORMATION_REQUESTED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_REPLY_DUE_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.NEXT_ESCALATION_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.NOTICE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.OUTCOME;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.OVERDUE_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.STILL_OVERDUE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Stand-ins for the beans that the models name in their delegate expressions. Each records its call as
 * "bean element [event or input]"; where the process routes on a variable the real bean sets, the stand-in sets it
 * the same way, from the same task-local form field.
 */
final class ProcessMocks {

  /** A confirmation link's life and its reminder, counted from the engine's clock when the link is sent. */
  static final Duration LINK_VALIDITY = Duration.ofDays(7);
  static final Duration REMINDER_AFTER = Duration.ofDays(5);

  private final List<String> calls = new ArrayList<>();

  /** What the request's record would plan for its deadline in force; tests change it as the deadline moves. */
  record WatchPlan(Date taskDueAt, Date firstReminderAt, Date finalWarningAt, Date overdueAt) {}

  private WatchPlan plan;
  private Date nextEscalationAt;
  private boolean stillOverdue = true;
  private boolean downloadCodeToSend;
  private boolean liftNoticeToPost;
  /** How long the subject has to answer a request for identity information. */
  static final Duration REPLY_WITHIN = Duration.ofDays(30);

  void plan(WatchPlan plan) {
    this.plan = plan;
  }

  void nextEscalationAt(Date at) {
    this.nextEscalationAt = at;
  }

  void stillOverdue(boolean overdue) {
    this.stillOverdue = overdue;
  }

  /** Whether the closing letter carries a download link whose code is to follow. */
  void downloadCodeToSend(boolean toSend) {
    this.downloadCodeToSend = toSend;
  }

  /**
   * The systems where a right carried out at once is done by hand, as nothing identified a subject without e-mail
   * there (none unless a test says so).
   */
  void marketingByHand(String... systemIds) {
    systemIds().marketingByHand = List.of(systemIds);
  }

  private SystemIds systemIds() {
    return (SystemIds) Mocks.get("companySystemIds");
  }

  /** Whether the notice of lifting is printed for posting (a subject without e-mail). */
  void liftNoticeToPost(boolean toPost) {
    this.liftNoticeToPost = toPost;
  }

  /** Registers a stand-in for every bean named in processes/; undo with {@link Mocks#reset()}. */
  void register() {
    Mocks.register("registerRequestFromStartForm",
        (ExecutionListener) execution -> record("registerRequestFromStartForm", execution.getCurrentActivityId(),
            execution.getEventName()));
    Mocks.register("sendLetterDelegate",
        delegate("sendLetterDelegate", execution -> "letterKind=" + execution.getVariableLocal(LETTER_KIND)));
    Mocks.register("sendConfirmationLinkDelegate", delegate("sendConfirmationLinkDelegate", execution -> {
      Instant now = ClockUtil.getCurrentTime().toInstant();
      execution.setVariable(CONFIRMATION_EXPIRES_AT, Date.from(now.plus(LINK_VALIDITY)));
      execution.setVariable(CONFIRMATION_REMINDER_AT, Date.from(now.plus(REMINDER_AFTER)));
      return null;
    }));
    Mocks.register("sendConfirmationReminderDelegate", delegate("sendConfirmationReminderDelegate", e -> null));
    Mocks.register("sendClosingLetterDelegate", delegate("sendClosingLetterDelegate", execution -> {
      execution.setVariable(DOWNLOAD_CODE_TO_SEND, downloadCodeToSend);
      return null;
    }));
    Mocks.register("sendDownloadCodeDelegate", delegate("sendDownloadCodeDelegate", e -> null));
    Mocks.register("closeRequestDelegate", delegate("closeRequestDelegate", execution -> {
      Object outcome = execution.getVariableLocal(OUTCOME);
      return outcome == null ? null : "outcome=" + outcome;
    }));

    Mocks.register("companySystemIds", new SystemIds());
    Mocks.register("discoverInSystemDelegate",
        delegate("discoverInSystemDelegate", execution -> "systemId=" + execution.getVariable("systemId")));
    Mocks.register("stopMarketingInSystemDelegate",
        delegate("stopMarketingInSystemDelegate", execution -> "systemId=" + execution.getVariable("systemId")));
    Mocks.register("withdrawConsentInSystemDelegate",
        delegate("withdrawConsentInSystemDelegate", execution -> "systemId=" + execution.getVariable("systemId")));
    Mocks.register("addSuppressionEntryDelegate", delegate("addSuppressionEntryDelegate", e -> null));
    Mocks.register("recordAutomatedAnswerDelegate", delegate("recordAutomatedAnswerDelegate", execution -> {
      execution.setVariable(ANSWER_NEEDS_APPROVAL, false);
      return null;
    }));

    Mocks.register("planDeadlineWatchDelegate", delegate("planDeadlineWatchDelegate", execution -> {
      execution.setVariable(FIRST_REMINDER_AT, plan.firstReminderAt());
      execution.setVariable(FINAL_WARNING_AT, plan.finalWarningAt());
      execution.setVariable(OVERDUE_AT, plan.overdueAt());
      // the engine side of the real delegate: open tasks of the request, in every process of it, follow
      PlanDeadlineWatchDelegate.moveOpenTasks(execution.getProcessEngineServices(), execution.getProcessInstanceId(),
          execution.getProcessBusinessKey(), plan.taskDueAt());
      return null;
    }));
    Mocks.register("notifyStaffDelegate", delegate("notifyStaffDelegate", execution -> {
      if ("OVERDUE".equals(execution.getVariableLocal(NOTICE))) {
        execution.setVariable(NEXT_ESCALATION_AT, nextEscalationAt);
      }
      return "notice=" + execution.getVariableLocal(NOTICE);
    }));
    Mocks.register("recordOverdueDelegate", delegate("recordOverdueDelegate", execution -> {
      execution.setVariable(STILL_OVERDUE, stillOverdue);
      return null;
    }));
    Mocks.register("sendIdentityInformationRequestDelegate", delegate("sendIdentityInformationRequestDelegate",
        execution -> {
          execution.setVariable(IDENTITY_REPLY_DUE_AT,
              Date.from(ClockUtil.getCurrentTime().toInstant().plus(REPLY_WITHIN)));
          return null;
        }));
    Mocks.register("recordNoIdentityInformationDelegate", delegate("recordNoIdentityInformationDelegate", e -> null));
    Mocks.register("sendOutcomeLetterDelegate",
        delegate("sendOutcomeLetterDelegate", execution -> "letterKind=" + execution.getVariableLocal(LETTER_KIND)));
    Mocks.register("forwardToControllerDelegate", delegate("forwardToControllerDelegate", e -> null));
    Mocks.register("identityReplyListener", listener("identityReplyListener", task -> {}));

    Mocks.register("extendDeadlineFromStartForm", delegate("extendDeadlineFromStartForm",
        execution -> "reasonCode=" + execution.getVariable("reasonCode")));
    Mocks.register("art12DecisionListener", new Art12Decision());
    Mocks.register("feeAnswerListener", new FeeAnswer());
    Mocks.register("recordNoFeeAnswerDelegate", delegate("recordNoFeeAnswerDelegate", e -> null));
    registerRights();

    Mocks.register("flagEmailHandledInMailboxDelegate", delegate("flagEmailHandledInMailboxDelegate",
        execution -> "inboundEmailId=" + execution.getVariable("inboundEmailId")));
    Mocks.register("registerFromEmailListener", listener("registerFromEmailListener", task -> {}));
    Mocks.register("emailForRequestListener", listener("emailForRequestListener", task -> {}));

    Mocks.register("postLetterListener", listener("postLetterListener", task -> {}));
    Mocks.register("subjectDetailsListener", listener("subjectDetailsListener", task -> {}));
    Mocks.register("recordAnswerListener", listener("recordAnswerListener", task -> {}));
    Mocks.register("identityDecisionListener", listener("identityDecisionListener", task -> {
      boolean verified = "VERIFIED".equals(task.getVariableLocal("identityDecision"));
      task.getExecution().setVariable(IDENTITY_VERIFIED, verified);
      task.getExecution().setVariable(IDENTITY_INFORMATION_REQUESTED,
          "ASK_FOR_INFORMATION".equals(task.getVariableLocal("identityDecision")));
    }));
    Mocks.register("answerApprovalListener", listener("answerApprovalListener", task -> {
      if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
        task.getExecution().setVariable(ANSWER_APPROVED, "SEND".equals(task.getVariableLocal("answerDecision")));
      }
    }));
  }

  /** The erasure, restriction, rectification and general objection steps. */
  private void registerRights() {
    for (String bean : List.of("eraseInSystemDelegate", "restrictInSystemDelegate", "liftRestrictionInSystemDelegate",
        "stopProcessingInSystemDelegate", "rectifyInSystemDelegate")) {
      Mocks.register(bean, delegate(bean, execution -> "systemId=" + execution.getVariable("systemId")));
    }
    for (String bean : List.of("proposeDecisionsDelegate", "suppressErasedMarketingDelegate",
        "scheduleErasureDelegate", "eraseAfterRetentionDelegate", "eraseAfterClaimReviewDelegate")) {
      Mocks.register(bean, delegate(bean, e -> null));
    }
    // the real notice is queued as an e-mail or printed for posting
    Mocks.register("sendLiftNoticeDelegate", delegate("sendLiftNoticeDelegate", execution -> {
      execution.setVariable("liftNoticeToPost", liftNoticeToPost);
      if (liftNoticeToPost) {
        execution.setVariable("liftNoticePostBy", LIFT_NOTICE_POST_BY);
      }
      return null;
    }));
    // the real count sets the moment of lifting: the notice period counted from the delivery
    Mocks.register("countLiftNoticeFromDeliveryDelegate", delegate("countLiftNoticeFromDeliveryDelegate", execution -> {
      execution.setVariable("liftAt", LIFT_AT);
      return null;
    }));
    Mocks.register("collectRecipientsDelegate", delegate("collectRecipientsDelegate", execution -> {
      execution.setVariable("recipientIds", new ArrayList<>(List.of("hosting-provider", "auditor")));
      return "noticeAction=" + execution.getVariable("noticeAction");
    }));
    Mocks.register("notifyRecipientDelegate", delegate("notifyRecipientDelegate",
        execution -> execution.getVariable("recipientId") + " " + execution.getVariable("noticeAction")));
    for (String bean : List.of("recordRightsAnswerDelegate", "recordRectificationAnswerDelegate")) {
      Mocks.register(bean, delegate(bean, execution -> {
        execution.setVariable(ANSWER_NEEDS_APPROVAL, true);
        return null;
      }));
    }
    // the real listeners set these from what the officer decided; the tests complete the task with them
    for (String bean : List.of("reviewLegalBasisListener", "balanceObjectionListener", "checkAccuracyListener",
        "carryOutByHandListener", "redoByHandAfterRestoreListener")) {
      Mocks.register(bean, listener(bean, task -> {}));
    }
    // the real listener moves the review on to the day the officer entered when the claim still needs the records
    Mocks.register("reviewKeptForClaimListener", listener("reviewKeptForClaimListener", task -> {
      if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
          && "KEEP".equals(task.getVariable("claimReviewDecision"))) {
        task.getExecution().setVariable("reviewAt", task.getVariable("nextReviewAt"));
      }
    }));
  }

  /** Both the start listener and the task listener of the Art 12 decision process. */
  private final class Art12Decision implements ExecutionListener, TaskListener {
    @Override
    public void notify(DelegateExecution execution) {
      record("art12DecisionListener", execution.getCurrentActivityId(), execution.getEventName());
    }

    @Override
    public void notify(DelegateTask task) {
      boolean complete = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
      record("art12DecisionListener", task.getTaskDefinitionKey(),
          task.getEventName() + (complete ? " decision=" + task.getVariableLocal("decision") : ""));
    }
  }

  /** How long the subject has to answer a fee letter, from its delivery. */
  static final Duration FEE_ANSWER_WITHIN = Duration.ofDays(30);

  /** The fee answer's due date when the letter is delivered, and the officer's answer on completion. */
  private final class FeeAnswer implements ExecutionListener, TaskListener {
    @Override
    public void notify(DelegateExecution execution) {
      execution.setVariableLocal(DataSubjectRequestProcessVariables.FEE_ANSWER_DUE_AT,
          Date.from(ClockUtil.getCurrentTime().toInstant().plus(FEE_ANSWER_WITHIN)));
      record("feeAnswerListener", execution.getCurrentTransitionId(), execution.getEventName());
    }

    @Override
    public void notify(DelegateTask task) {
      boolean complete = TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName());
      if (complete) {
        task.getExecution().setVariable(DataSubjectRequestProcessVariables.FEE_ACCEPTED,
            "ACCEPTED".equals(task.getVariableLocal("feeAnswer")));
      }
      record("feeAnswerListener", task.getTaskDefinitionKey(),
          task.getEventName() + (complete ? " feeAnswer=" + task.getVariableLocal("feeAnswer") : ""));
    }
  }

  /** The group that owns the system worked by hand. */
  static final String ARCHIVE_OWNERS = "archive-owners";
  /** When the restriction is lifted (set in the real process by counting the notice from its delivery). */
  static final Date LIFT_AT = Date.from(Instant.parse("2026-12-10T23:00:00Z"));
  /** When a printed notice of lifting is to be posted (set by the notice step in the real process). */
  static final Date LIFT_NOTICE_POST_BY = Date.from(Instant.parse("2026-11-30T22:59:59Z"));

  /** The company's systems as the processes see them: two JDBC systems, and one its owners work by hand. */
  public static final class SystemIds {
    private List<String> marketingByHand = List.of();

    public List<String> marketingByHand(String reference) {
      return marketingByHand;
    }

    public List<String> searchable() {
      return List.of("case-management", "newsletter");
    }

    public List<String> byHand(String reference) {
      return List.of("email-archive");
    }

    public List<String> restrictedByHand(String reference) {
      return List.of("email-archive");
    }

    public String ownerGroup(String systemId) {
      return ARCHIVE_OWNERS;
    }
  }

  /** Every call so far, in order. */
  List<String> calls() {
    return calls;
  }

  /** A delegate that records its call with what {@code detail} returns (null for nothing), after its effects. */
  private JavaDelegate delegate(String bean, Detail detail) {
    return execution -> record(bean, execution.getCurrentActivityId(), detail.of(execution));
  }

  private TaskListener listener(String bean, Consumer<DelegateTask> effect) {
    return task -> {
      effect.accept(task);
      record(bean, task.getTaskDefinitionKey(), task.getEventName());
    };
  }

  private void record(String bean, String element, String detail) {
    calls.add(bean + " " + element + (detail == null ? "" : " " + detail));
  }

  @FunctionalInterface
  private interface Detail {
    String of(DelegateExecution execution);
  }
}
