package dk.mico.rightsdesk.workflow;

/**
 * Names used by AccessRequestProcess.bpmn and PortabilityRequestProcess.bpmn beyond those of the main process
 * ({@link DataSubjectRequestProcessVariables}). The report itself lives with the request, never in variables.
 */
public final class AccessRequestProcessVariables {

  /** Whether the approved answer has files for the subject to download. */
  public static final String DELIVERY_NEEDED = "deliveryNeeded";

  /** Whether the subject of a portability request named another controller to send the files to (Art 20(2)). */
  public static final String TRANSMISSION_WANTED = "transmissionWanted";

  /** Task-local form fields of "Send the files to the other controller". */
  public static final String TRANSMISSION = "transmission";
  public static final String NOT_FEASIBLE_REASON = "notFeasibleReason";

  /** Task-local form fields of "Search the system by hand". */
  public static final String FOUND_IN_SYSTEM = "foundInSystem";
  public static final String WHAT_WAS_FOUND = "whatWasFound";

  /** Task-local form fields of "Review the report". */
  public static final String REVIEW_DECISION = "reviewDecision";
  public static final String REFUSAL_REASON = "refusalReason";
  public static final String REVIEW_NOTE = "reviewNote";

  private AccessRequestProcessVariables() {}
}
