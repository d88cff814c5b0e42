package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.systems.Disclosures;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a right needs done where Rights Desk cannot act: in every system that only its owners can work (declared
 * manual, never searched by Rights Desk), in a system that cannot mark a record restricted, for the records the
 * officer decided to restrict by hand, and in a table Rights Desk may not erase (declared kept), for the records the
 * officer decided to erase by hand once their period ended (F19). The owner group does it and records here what was done, by data categories,
 * never the values; the answer letter names the system and what was done there. The recipients whose record filter
 * selects those records are asked before the owners change anything, and go with what they record (Art 19, F4).
 */
@Service
public class WorkByHand {

  /** An action recorded when the owner carried out the right in the system. */
  public static final String DONE = "DONE_BY_HAND";
  /** An action recorded when the owner searched the system and it holds nothing on the subject. */
  public static final String NOTHING_HELD = "NOTHING_HELD_BY_HAND";
  /** An action recorded when the owner lifted by hand a restriction done by hand before (Art 18(3)). */
  public static final String LIFTED = "RESTRICTION_LIFTED_BY_HAND";

  static final String RESTRICT_BY_HAND = "RESTRICT_BY_HAND";
  private static final int LONGEST_DESCRIPTION = 1000;

  private final JdbcClient jdbc;
  private final RequestLifecycle lifecycle;
  private final LegalBasisReview review;
  private final RequestFindings findings;
  private final Discovery discovery;
  private final Disclosures disclosures;
  private final Clock clock;

  WorkByHand(JdbcClient jdbc, RequestLifecycle lifecycle, LegalBasisReview review, RequestFindings findings,
      Discovery discovery, Disclosures disclosures, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.review = review;
    this.findings = findings;
    this.discovery = discovery;
    this.disclosures = disclosures;
    this.clock = clock;
  }

  /**
   * The systems whose owners carry out the request by hand: every manual one; then those to restrict or erase by
   * hand; and,
   * for a supplementary statement (which no system has a column for), every system that holds the subject's data.
   */
  @Transactional(readOnly = true)
  public List<String> systems(String reference) {
    Set<String> systems = new LinkedHashSet<>(discovery.manualSystems());
    recordsByHand(reference).forEach(p -> systems.add(p.system()));
    if (supplementary(reference).isPresent()) {
      long requestId = lifecycle.get(reference).id();
      discovery.searchableSystems().stream()
          .filter(system -> !findings.verified(requestId, SystemId.of(system)).isEmpty())
          .forEach(systems::add);
    }
    return List.copyOf(systems);
  }

  /** The supplementary statement the officer decided to add (Art 16), if that was the decision. */
  @Transactional(readOnly = true)
  public Optional<String> supplementary(String reference) {
    return jdbc.sql("SELECT statement FROM rectification_check WHERE request_id = ? AND decision = ?")
        .params(lifecycle.get(reference).id(), Rectifications.SUPPLEMENT)
        .query(String.class)
        .optional();
  }

  /** The records of one system the officer decided to restrict or erase by hand, as "table record" lines. */
  @Transactional(readOnly = true)
  public List<String> recordsToCarryOut(String reference, String systemId) {
    return recordsByHand(reference).stream()
        .filter(p -> p.system().equals(systemId))
        .map(p -> p.table() + " " + p.recordId() + " (" + String.join(", ", p.categories()) + ")")
        .toList();
  }

  /**
   * Asks, as the owners of one system are given the records to erase or restrict by hand and before they change
   * anything, which recipients' record filters select each of them (F4): a record the owners erase can no longer be
   * filtered when they record it. Kept with each record's proposal, once: asked again, the records may be gone.
   */
  @Transactional
  public void askRecordFilters(String reference, String systemId) {
    SystemId system = SystemId.of(systemId);
    if (!disclosures.filters(system)) {
      return;
    }
    recordsByHand(reference).stream()
        .filter(p -> p.system().equals(systemId))
        .collect(Collectors.groupingBy(Proposal::table))
        .forEach((table, proposals) -> {
          Map<String, Set<String>> byRecord = disclosures.filteredRecipients(system, table,
              proposals.stream().map(Proposal::recordId).toList());
          proposals.forEach(p -> jdbc.sql(
                  "UPDATE request_proposal SET received_by = ? WHERE id = ? AND received_by IS NULL")
              .params(String.join(",", byRecord.getOrDefault(p.recordId(), Set.of())), p.id())
              .update());
        });
  }

  /** The systems whose owners restricted by hand for this request: where their lifting is done by hand too. */
  @Transactional(readOnly = true)
  public List<String> systemsRestrictedByHand(String reference) {
    return jdbc.sql("SELECT DISTINCT system_id FROM request_change WHERE request_id = ? AND action = ? "
            + "ORDER BY system_id")
        .params(lifecycle.get(reference).id(), DONE)
        .query(String.class)
        .list();
  }

  /**
   * Records what the owner did in one system: done (with what, by categories) or nothing held there. Bad input
   * names its field and records nothing.
   */
  @Transactional
  public void record(String reference, String systemId, String result, String whatWasDone, String owner) {
    validate(result, whatWasDone);
    DataSubjectRequest request = lifecycle.get(reference);
    List<Proposal> byHand = recordsByHand(reference).stream()
        .filter(p -> p.system().equals(systemId))
        .toList();
    // a task completed again replaces what it recorded before
    jdbc.sql("DELETE FROM request_change WHERE request_id = ? AND system_id = ? AND action IN (?, ?)")
        .params(request.id(), systemId, DONE, NOTHING_HELD)
        .update();
    boolean done = DONE.equals(result);
    findings.record(request.id(), systemId, null, result, byHand.stream().map(Proposal::recordId).toList(),
        done ? List.of(whatWasDone.strip()) : List.of(), owner, clock.instant(),
        done ? filteredRecipients(byHand) : List.of());
    if (!byHand.isEmpty()) {
      jdbc.sql("UPDATE request_proposal SET carried_out_at = :now WHERE carried_out_at IS NULL AND id IN (:ids)")
          .param("now", clock.instant().atOffset(ZoneOffset.UTC))
          .param("ids", byHand.stream().map(Proposal::id).toList())
          .update();
    }
  }

  /**
   * Records that the owner lifted by hand the restriction done there by hand (always "done": a restriction was
   * recorded in that system), with what was done, by categories. Bad input names its field and records nothing.
   */
  @Transactional
  public void recordLifted(String reference, String systemId, String result, String whatWasDone, String owner) {
    validate(result, whatWasDone);
    if (!DONE.equals(result)) {
      throw new InvalidRequestException(List.of(new Violation("carriedOut",
          "the restriction was recorded as done in this system: lift it and say what was done")));
    }
    long requestId = lifecycle.get(reference).id();
    // a task completed again replaces what it recorded before
    jdbc.sql("DELETE FROM request_change WHERE request_id = ? AND system_id = ? AND action = ?")
        .params(requestId, systemId, LIFTED)
        .update();
    // the lifting concerns the records restricted there by hand, so it goes to the recipients told of that restriction
    List<String> restrictionReceivedBy = jdbc.sql("SELECT received_by FROM request_change WHERE request_id = ? "
            + "AND system_id = ? AND action = ?")
        .params(requestId, systemId, DONE)
        .query(String.class)
        .list();
    findings.record(requestId, systemId, null, LIFTED, List.of(), List.of(whatWasDone.strip()), owner,
        clock.instant(), union(restrictionReceivedBy));
  }

  /** The recipients whose record filter selected these records before the owners changed them. */
  private List<String> filteredRecipients(List<Proposal> byHand) {
    if (byHand.isEmpty()) {
      return List.of();
    }
    return union(jdbc.sql("SELECT received_by FROM request_proposal WHERE id IN (:ids)")
        .param("ids", byHand.stream().map(Proposal::id).toList())
        .query(String.class)
        .list());
  }

  /** Recipient ids, each list joined by commas, as one sorted list. */
  private static List<String> union(List<String> joinedLists) {
    Set<String> recipients = new TreeSet<>();
    joinedLists.forEach(joined -> recipients.addAll(RequestFindings.split(joined, ",")));
    return List.copyOf(recipients);
  }

  private static void validate(String result, String whatWasDone) {
    List<Violation> bad = new ArrayList<>();
    if (!DONE.equals(result) && !NOTHING_HELD.equals(result)) {
      bad.add(new Violation("carriedOut", "say whether it was done or the system holds nothing on the subject"));
    } else if (DONE.equals(result) && (whatWasDone == null || whatWasDone.isBlank())) {
      bad.add(new Violation("whatWasDone", "is required: say what was done, by categories of data (no values)"));
    } else if (whatWasDone != null && whatWasDone.strip().length() > LONGEST_DESCRIPTION) {
      bad.add(new Violation("whatWasDone", "is longer than " + LONGEST_DESCRIPTION + " characters"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
  }

  private List<Proposal> recordsByHand(String reference) {
    return review.proposals(reference).stream()
        .filter(p -> RESTRICT_BY_HAND.equals(p.outcome()) || Proposal.ERASE_BY_HAND.equals(p.outcome()))
        .toList();
  }
}
