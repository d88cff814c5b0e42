package dk.mico.rightsdesk.workflow;

/**
 * Names shared by InboundEmailProcess.bpmn and the code that drives it. The process holds the e-mail's id and the
 * task's due date only; what the mail says and who sent it reach the officer's task as task-local variables.
 */
final class InboundEmailProcessVariables {

  static final String PROCESS_ID = "InboundEmailProcess";
  static final String INBOUND_EMAIL_ID = "inboundEmailId";
  /** A subject's reply, attached to its request when it arrived: no officer task. */
  static final String ATTACHED_AT_ONCE = "attachedAtOnce";
  /** The e-mail was handled through the API: the officer's task ends. */
  static final String MESSAGE_EMAIL_HANDLED = "EmailHandled";
  static final String SUGGESTION_DECISION = "Decision_EmailRequestSuggestion";

  private InboundEmailProcessVariables() {}
}
