package dk.mico.rightsdesk.workflow;

/**
 * Names shared by InboundEmailProcess.bpmn and the code that drives it. The process holds the e-mail's id and the
 * task's due date only; what the mail says and who sent it reach the officer's task as task-local variables.
 */
final class InboundEmailProcessVariables {

  static final String PROCESS_ID = "InboundEmailProcess";
  static final String INBOUND_EMAIL_ID = "inboundEmailId";
  /** What follows the arrival (InboxRoute): which officer task, if any. */
  static final String ROUTE = "route";
  /** The tasks of a request that wait for the subject's answer, and the field on them that shows an e-mailed reply. */
  static final java.util.List<String> TASKS_AWAITING_THE_SUBJECT =
      java.util.List.of("UserTask_AwaitIdentityInformation", "UserTask_RegisterFeeAnswer");
  static final String SUBJECTS_REPLY = "subjectsEmailReply";
  /** The e-mail was handled through the API: the officer's task ends. */
  static final String MESSAGE_EMAIL_HANDLED = "EmailHandled";
  static final String SUGGESTION_DECISION = "Decision_EmailRequestSuggestion";

  private InboundEmailProcessVariables() {}
}
