package dk.mico.rightsdesk.workflow;

/**
 * Names used by AccessRequestProcess.bpmn and PortabilityRequestProcess.bpmn beyond those of the main process
 * ({@link DataSubjectRequestProcessVariables}). The report itself lives with the request, never in variables.
 */
public final class AccessRequestProcessVariables {

  /** Whether the approved answer has files for the subject to download. */
  public static final String DELIVERY_NEEDED = "deliveryNeeded";

  /** Task-local form fields of "Search the system by hand". */
  public static final String FOUND_IN_SYSTEM = "foundInSystem";
  public static final String WHAT_WAS_FOUND = "whatWasFound";

  /** Task-local form fields of "Review the report". */
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REFUSAL_REASON = "refusalReason";
  public static final String REVIEW_NOTE = "reviewNote";

  private AccessRequestProcessVariables() {}
}
