package dk.mico.rightsdesk.fulfilment;

import java.time.LocalDate;
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
 * @param proposal what the tables propose (ERASE, KEEP, RESTRICT, NO_ACTION, BALANCE, NOT_APPLICABLE)
 * @param article the article behind it
 * @param reasonCode the reason, as a message key under {@code review.reason.}
 * @param keptUntil the last day a law requires the record kept, or null
 * @param suppress whether erasing it is followed by a suppression entry
 * @param decision the officer's decision, null while undecided
 * @param justification the officer's written justification of an override
 * @param decidedBy the officer
 */
public record Proposal(long id, String system, String table, String recordId, List<String> categories,
    String legalBasis, String proposal, String article, String reasonCode, LocalDate keptUntil, boolean suppress,
    String decision, String justification, String decidedBy) {

  public boolean decided() {
    return decision != null;
  }

  public boolean overridden() {
    return decision != null && !decision.equals(proposal);
  }

  /** What is done: the officer's decision. */
  public String outcome() {
    return decision == null ? proposal : decision;
  }
}
