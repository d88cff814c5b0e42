package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.*;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.Outcome;
import dk.mico.rightsdesk.request.RequestWorkflow;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The request record's view of the engine: start a request's process and tell it what the subject did. */
@Component
class CamundaRequestWorkflow implements RequestWorkflow {

  private final RuntimeService runtime;
  private final DeadlineWatch watch;
  /** Set while this thread starts the process of a record it has just made; the engine API cannot set it. */
  private final ThreadLocal<Boolean> startingOwnProcess = new ThreadLocal<>();

  CamundaRequestWorkflow(RuntimeService runtime, DeadlineWatch watch) {
    this.runtime = runtime;
    this.watch = watch;
  }

  @Override
  public void start(DataSubjectRequest request) {
    startingOwnProcess.set(true);
    try {
      runtime.createProcessInstanceByKey(PROCESS_ID)
          .businessKey(request.reference())
          .setVariables(initialVariables(request))
          .execute();
    } finally {
      startingOwnProcess.remove();
    }
  }

  /**
   * Whether the process now starting is one this application starts for a record it made (API, web form), rather
   * than a start through Tasklist or the engine API, whose variables are only a form to be checked.
   */
  boolean isStartingOwnProcess() {
    return Boolean.TRUE.equals(startingOwnProcess.get());
  }

  @Override
  public void emailConfirmed(DataSubjectRequest request) {
    runtime.createMessageCorrelation(MESSAGE_EMAIL_CONFIRMED).processInstanceBusinessKey(request.reference())
        .correlate();
  }

  @Override
  public boolean confirmationLinkRequested(DataSubjectRequest request) {
    // the process may not wait for a confirmation yet (the first link is still on its way): then nothing to renew
    return !runtime.createMessageCorrelation(MESSAGE_LINK_REQUESTED).processInstanceBusinessKey(request.reference())
        .correlateAllWithResult().isEmpty();
  }

  @Override
  public void withdrawn(DataSubjectRequest request) {
    runtime.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceBusinessKey(request.reference())
        .correlateExclusively();
  }

  /**
   * The watch is planned anew at once (the signal reaches only this request's process), and the subject's letter
   * goes from its own job.
   */
  @Override
  public void deadlineExtended(DataSubjectRequest request) {
    runtime.createSignalEvent(SIGNAL_DEADLINE_CHANGED + request.reference()).send();
    correlate(MESSAGE_DEADLINE_EXTENDED, request);
  }

  @Override
  public void identityInformationReceived(DataSubjectRequest request) {
    correlate(MESSAGE_IDENTITY_INFORMATION_RECEIVED, request);
  }

  @Override
  public void refusedAsUnfoundedOrExcessive(DataSubjectRequest request) {
    correlate(MESSAGE_REQUEST_REFUSED, request);
  }

  @Override
  public void feeAnnounced(DataSubjectRequest request) {
    correlate(MESSAGE_FEE_ANNOUNCED, request);
  }

  @Override
  public void forwardedToController(DataSubjectRequest request) {
    correlate(MESSAGE_REQUEST_FORWARDED, request);
  }

  @Override
  public void partForwardedToController(DataSubjectRequest request) {
    correlate(MESSAGE_PART_FORWARDED, request);
  }

  /** Only the request's own process listens: its fulfilment process shares the business key but not the message. */
  private void correlate(String message, DataSubjectRequest request) {
    runtime.createMessageCorrelation(message).processInstanceBusinessKey(request.reference()).correlate();
  }

  /** What the process needs to route the request: references and flags, no personal data. */
  Map<String, Object> initialVariables(DataSubjectRequest request) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(REQUEST_REFERENCE, request.reference());
    variables.put(OBJECTION_SCOPE, request.objectionScope() == null ? null : request.objectionScope().name());
    variables.put(CONFIRMATION_REQUIRED, request.needsEmailConfirmation());
    variables.put(IDENTITY_ESTABLISHED, request.identityEstablishedAtReceipt());
    variables.put(ACTS_BEFORE_ANY_LETTER, request.actsWithoutConfirmation());
    variables.put(POSTAL_DELIVERY, !request.subject().reachableByEmail());
    variables.put(FULFILMENT_PROCESS_ID, FULFILMENT_PROCESS.get(request.type()));
    variables.put(DUPLICATE_SUBMISSION, request.outcome() == Outcome.DUPLICATE);
    // Tasklist sorts and flags tasks by this: the last moment of the legal deadline. Set here, in the process's own
    // scope, so that the deadline watch updates it there when the deadline moves.
    variables.put(TASK_DUE_DATE, Date.from(watch.plan(request.dueDate()).taskDueAt()));
    variables.put(FIRST_MONTH_ENDS_AT, Date.from(watch.plan(request.originalDueDate()).taskDueAt()));
    return variables;
  }
}
