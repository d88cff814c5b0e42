package dk.mico.rightsdesk.fulfilment;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * What the decision tables proposed for one record that discovery found, and what the officer decided. Names the
 * record, never its values.
 *
 * @param id the proposal's id
 * @param system the system
 * @param table the table
 * @param recordId the record
 * @param categories the data categories it holds
 * @param legalBasis the record's legal basis
 * @param proposal what the tables propose (ERASE, ERASE_BY_HAND, KEEP, RESTRICT, RESTRICT_BY_HAND, NO_ACTION,
 *     BALANCE, WITHDRAW, NOT_APPLICABLE), or DECIDE where no table can know the answer and the officer must decide
 * @param article the article behind it
 * @param reasonCode the reason, as a message key under {@code review.reason.}
 * @param keptUntil the last day a law requires the record kept, or null
 * @param suppress whether erasing it is followed by a suppression entry
 * @param decision the officer's decision, null while undecided; also KEEP_FOR_LEGAL_CLAIMS, which no table proposes
 * @param justification the officer's written justification of an override
 * @param decidedBy the officer
 * @param reviewOn for a record kept for a legal claim, the day the officer reviews whether the claim still needs it
 */
public record Proposal(long id, String system, String table, String recordId, List<String> categories,
    String legalBasis, String proposal, String article, String reasonCode, LocalDate keptUntil, boolean suppress,
    String decision, String justification, String decidedBy, LocalDate reviewOn) {

  /**
   * The officer's decision to keep a record for a legal claim (Art 17(3)(e)): never erased on a date, but reviewed on
   * one ({@link #reviewOn()}).
   */
  public static final String KEEP_FOR_LEGAL_CLAIMS = "KEEP_FOR_LEGAL_CLAIMS";

  /**
   * The review date of a record kept for a legal claim when the officer names none: the general limitation period
   * of the Danish Limitation Act (forældelsesloven § 3, stk. 1), after which most claims can no longer be made.
   */
  public static final Period CLAIM_REVIEW_DEFAULT = Period.ofYears(3);

  /** The decision to have a system's owners erase a record Rights Desk may not erase (a table declared kept). */
  public static final String ERASE_BY_HAND = "ERASE_BY_HAND";

  /** The reason the erasure table gives for a record a law requires kept for a period that still runs. */
  public static final String RETENTION_RUNNING = "erasure.retention";

  public boolean decided() {
    return decision != null;
  }

  public boolean overridden() {
    return decision != null && !decision.equals(proposal);
  }

  /**
   * Whether the record is kept only for a running legal retention period, as the tables proposed and the officer
   * confirmed: then it is erased the day after {@link #keptUntil()}. A record the officer chose to keep for another
   * reason (an override) is not erased on any date.
   */
  public boolean erasedAfterRetention() {
    return !overridden() && "KEEP".equals(outcome()) && RETENTION_RUNNING.equals(reasonCode) && keptUntil != null;
  }

  /** What is done: the officer's decision. */
  public String outcome() {
    return decision == null ? proposal : decision;
  }
}
