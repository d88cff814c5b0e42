package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.request.RequestType;
import java.util.Map;

/**
 * Names shared by DataSubjectRequestProcess.bpmn, its fulfilment processes and the code that drives them. Process
 * variables hold no personal data: the request record is the system of record, and task screens get what they need
 * as task-local variables that end with the task.
 */
public final class DataSubjectRequestProcessVariables {

  public static final String PROCESS_ID = "DataSubjectRequestProcess";
  /** Beside the handling, the watch over the deadline in force; called anew whenever the deadline moves. */
  public static final String DEADLINE_WATCH_PROCESS_ID = "DeadlineWatchProcess";

  /** The fulfilment process per right (design.md process ids). */
  public static final Map<RequestType, String> FULFILMENT_PROCESS = Map.of(
      RequestType.ACCESS, "AccessRequestProcess",
      RequestType.RECTIFICATION, "RectificationRequestProcess",
      RequestType.ERASURE, "ErasureRequestProcess",
      RequestType.RESTRICTION, "RestrictionRequestProcess",
      RequestType.OBJECTION, "ObjectionRequestProcess",
      RequestType.CONSENT_WITHDRAWAL, "ConsentWithdrawalProcess",
      RequestType.PORTABILITY, "PortabilityRequestProcess");

  public static final String MESSAGE_EMAIL_CONFIRMED = "EmailConfirmed";
  public static final String MESSAGE_LINK_REQUESTED = "ConfirmationLinkRequested";
  public static final String MESSAGE_WITHDRAWN = "RequestWithdrawn";

  public static final String REQUEST_REFERENCE = "requestReference";
  public static final String CONFIRMATION_REQUIRED = "confirmationRequired";
  public static final String IDENTITY_ESTABLISHED = "identityEstablished";
  /**
   * True for the rights carried out at once (an objection to direct marketing, a withdrawal of consent): they act
   * before any letter, so the action never waits for an acknowledgement to be sent or posted; the answer is the first
   * letter.
   */
  public static final String ACTS_BEFORE_ANY_LETTER = "actsBeforeAnyLetter";
  public static final String IDENTITY_VERIFIED = "identityVerified";
  public static final String POSTAL_DELIVERY = "postalDelivery";
  public static final String FULFILMENT_PROCESS_ID = "fulfilmentProcess";
  public static final String TASK_DUE_DATE = "taskDueDate";
  /**
   * The last second of the first month after receipt (the original deadline): the printed extension letter's posting
   * is due then, since Art 12(3) wants the subject told of an extension within that month. The watch never moves it.
   */
  public static final String FIRST_MONTH_ENDS_AT = "firstMonthEndsAt";
  public static final String CONFIRMATION_EXPIRES_AT = "confirmationExpiresAt";
  public static final String CONFIRMATION_REMINDER_AT = "confirmationReminderAt";
  public static final String ANSWER_APPROVED = "answerApproved";
  /** False when the answer comes from a right carried out with no human step (it then goes without approval). */
  public static final String ANSWER_NEEDS_APPROVAL = "answerNeedsApproval";
  /** The element variable of steps that run once per company system. */
  public static final String SYSTEM_ID = "systemId";
  public static final String OBJECTION_SCOPE = "objectionScope";
  /** True when the answer carried a download link whose code goes in a letter of its own. */
  public static final String DOWNLOAD_CODE_TO_SEND = "downloadCodeToSend";

  // the deadline watch and the Art 12 outcomes (issue 6)
  public static final String MESSAGE_IDENTITY_INFORMATION_RECEIVED = "IdentityInformationReceived";
  public static final String MESSAGE_DEADLINE_EXTENDED = "DeadlineExtended";
  public static final String MESSAGE_FEE_ANNOUNCED = "FeeAnnounced";
  /** When the subject's time to answer the fee letter runs out (the timer of "Register the answer to the fee"). */
  public static final String FEE_ANSWER_DUE_AT = "feeAnswerDueAt";
  /** Whether the subject accepted the fee: the handling goes on, otherwise the request is refused. */
  public static final String FEE_ACCEPTED = "feeAccepted";
  public static final String MESSAGE_REQUEST_REFUSED = "RequestRefused";
  public static final String MESSAGE_REQUEST_FORWARDED = "RequestForwarded";
  /** Only a customer's part of the request is forwarded; the request goes on (non-interrupting). */
  public static final String MESSAGE_PART_FORWARDED = "RequestPartForwarded";
  /** The signal that re-plans a request's deadline watch; one per request, so that no other request hears it. */
  public static final String SIGNAL_DEADLINE_CHANGED = "DeadlineChanged-";
  /** True when the submission duplicates an open request: it was closed at intake and only a letter follows. */
  public static final String DUPLICATE_SUBMISSION = "duplicateSubmission";
  public static final String FIRST_REMINDER_AT = "firstReminderAt";
  public static final String FINAL_WARNING_AT = "finalWarningAt";
  public static final String OVERDUE_AT = "overdueAt";
  public static final String NEXT_ESCALATION_AT = "nextEscalationAt";
  public static final String STILL_OVERDUE = "stillOverdue";
  public static final String IDENTITY_INFORMATION_REQUESTED = "identityInformationRequested";
  public static final String IDENTITY_REPLY_DUE_AT = "identityReplyDueAt";
  /** Input parameter of the staff notice tasks. */
  public static final String NOTICE = "notice";

  /** Input parameters of the letter and close tasks. */
  public static final String LETTER_KIND = "letterKind";
  public static final String OUTCOME = "outcome";

  private DataSubjectRequestProcessVariables() {}
}
