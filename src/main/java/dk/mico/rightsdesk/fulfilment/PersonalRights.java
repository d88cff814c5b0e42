package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.systems.CompanyProperties.EraseMode;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.SystemChange;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out what the officer decided in the legal-basis review, one system at a time (each its own retried job):
 * erase or anonymise as declared (Art 17), restrict and lift (Art 18), end processing after an upheld objection
 * (Art 21(1)). Every action is idempotent (the system changes only what is still to change), and each change is
 * recorded with the request once, even when its job runs again after a crash ({@link LoggedChanges}): system, table,
 * record ids, categories and who decided, never a value.
 */
@Service
public class PersonalRights {

  static final String AFTER_RETENTION = "Rights Desk (legal retention period ended)";
  /** Who decided an erasure after the review of records kept for a legal claim (the task's history names the officer). */
  static final String AFTER_CLAIM_REVIEW = "GDPR officer (legal claim reviewed)";

  private final JdbcClient jdbc;
  private final LegalBasisReview review;
  private final RequestLifecycle lifecycle;
  private final RequestFindings findings;
  private final LoggedChanges changes;
  private final CompanySystems systems;
  private final LegalCalendar calendar;
  private final Clock clock;

  PersonalRights(JdbcClient jdbc, LegalBasisReview review, RequestLifecycle lifecycle, RequestFindings findings,
      LoggedChanges changes, CompanySystems systems, LegalCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.review = review;
    this.lifecycle = lifecycle;
    this.findings = findings;
    this.changes = changes;
    this.systems = systems;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Erases in one system the records the officer decided to erase (Art 17). */
  @Transactional
  public void erase(String reference, String systemId) {
    carryOut(reference, systemId, p -> "ERASE".equals(p.outcome()),
        (system, table, ids) -> systems.erase(system, table, ids));
  }

  /**
   * Ends, in one system, processing that a general objection ended. What the officer decided to stop, and, when the
   * balancing upheld the objection, everything that was weighed, is erased as declared: the ground of Art 17(1)(c)
   * is met, and keeping it would itself be processing with no purpose left. A table declared kept is restricted
   * instead (stored only). Processing on consent is treated as a withdrawal of it (Art 7(3)): what was held on it is
   * erased (Art 17(1)(b)).
   */
  @Transactional
  public void stopProcessing(String reference, String systemId) {
    boolean upheld = objectionUpheld(reference);
    Predicate<Proposal> stopped = p -> "STOP".equals(p.outcome()) || "WITHDRAW".equals(p.outcome())
        || (upheld && "BALANCE".equals(p.outcome()));
    carryOut(reference, systemId, stopped, (system, table, ids) -> keptAsDeclared(system, table)
        ? systems.restrict(system, table, ids)
        : systems.erase(system, table, ids));
  }

  private boolean keptAsDeclared(SystemId system, String table) {
    return systems.system(system).record(table).orElseThrow().eraseMode() == EraseMode.KEEP;
  }

  /** Marks restricted in one system the records the officer decided to restrict (Art 18): stored only. */
  @Transactional
  public void restrict(String reference, String systemId) {
    carryOut(reference, systemId, p -> "RESTRICT".equals(p.outcome()),
        (system, table, ids) -> systems.restrict(system, table, ids));
  }

  /** Lifts in one system the restrictions this request set (Art 18(3): after the subject was told). */
  @Transactional
  public void liftRestriction(String reference, String systemId) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<Proposal> restricted = review.proposals(request.id()).stream()
        .filter(p -> p.system().equals(systemId) && "RESTRICT".equals(p.outcome()))
        .toList();
    SystemId system = SystemId.of(systemId);
    byTable(restricted).forEach((table, ids) -> changes.carryOut(request.id(), system,
        "restriction lifted by the officer", table, ids, () -> systems.liftRestriction(system, table, ids)));
  }

  /**
   * Keeps a suppression entry (a hash of the address) where marketing data was erased, so the address is never
   * added to marketing again.
   */
  @Transactional
  public void suppressErasedMarketing(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<Proposal> marketing = review.proposals(request.id()).stream()
        .filter(p -> p.suppress() && "ERASE".equals(p.outcome()))
        .toList();
    if (marketing.isEmpty() || request.subject().email() == null) {
      return;
    }
    boolean added = systems.suppress(request.subject().email());
    findings.record(request.id(), MarketingRights.SUPPRESSION, null, added ? "SUPPRESSION_ADDED" : "SUPPRESSION_KEPT",
        List.of(), List.of("hash of the e-mail address"), marketing.get(0).decidedBy(), clock.instant());
  }

  /** The days after each legal retention period of the records kept for it: their erasure is scheduled for then. */
  @Transactional(readOnly = true)
  public List<LocalDate> scheduledErasures(String reference) {
    return review.proposals(reference).stream()
        .filter(Proposal::erasedAfterRetention)
        .map(p -> p.keptUntil().plusDays(1))
        .distinct()
        .sorted()
        .toList();
  }

  /** Erases the kept records whose legal retention period has ended by now (the scheduled erasure). */
  @Transactional
  public void eraseAfterRetention(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
    List<Proposal> due = review.proposals(request.id()).stream()
        .filter(p -> p.erasedAfterRetention() && p.keptUntil().isBefore(today))
        .toList();
    due.stream().collect(Collectors.groupingBy(Proposal::system)).forEach((system, proposals) ->
        byTable(proposals).forEach((table, ids) -> changes.carryOut(request.id(), SystemId.of(system),
            AFTER_RETENTION, table, ids, () -> systems.erase(SystemId.of(system), table, ids))));
  }

  /** The review days of the records kept for a legal claim: a task asks the officer then (F19). */
  @Transactional(readOnly = true)
  public List<LocalDate> scheduledClaimReviews(String reference) {
    return review.proposals(reference).stream()
        .filter(p -> Proposal.KEEP_FOR_LEGAL_CLAIMS.equals(p.outcome()) && p.reviewOn() != null)
        .map(Proposal::reviewOn)
        .distinct()
        .sorted()
        .toList();
  }

  /** Erases the records kept for a legal claim that the officer found over at the review on this day. */
  @Transactional
  public void eraseAfterClaimReview(String reference, LocalDate reviewDay) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<Proposal> over = review.keptForClaim(reference, reviewDay);
    over.stream().collect(Collectors.groupingBy(Proposal::system)).forEach((system, proposals) ->
        byTable(proposals).forEach((table, ids) -> changes.carryOut(request.id(), SystemId.of(system),
            AFTER_CLAIM_REVIEW, table, ids, () -> systems.erase(SystemId.of(system), table, ids))));
  }

  boolean objectionUpheld(String reference) {
    return jdbc.sql("SELECT upheld FROM objection_balancing WHERE request_id = ?")
        .param(lifecycle.get(reference).id())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  private void carryOut(String reference, String systemId, Predicate<Proposal> decided, Action action) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<Proposal> chosen = review.proposals(request.id()).stream()
        .filter(p -> p.system().equals(systemId) && decided.test(p))
        .toList();
    String decidedBy = chosen.isEmpty() ? null : chosen.get(0).decidedBy() + " (legal-basis review)";
    SystemId system = SystemId.of(systemId);
    byTable(chosen).forEach((table, ids) -> changes.carryOut(request.id(), system, decidedBy, table, ids,
        () -> action.apply(system, table, ids)));
    if (!chosen.isEmpty()) {
      jdbc.sql("UPDATE request_proposal SET carried_out_at = :now WHERE carried_out_at IS NULL AND id IN (:ids)")
          .param("now", clock.instant().atOffset(ZoneOffset.UTC))
          .param("ids", chosen.stream().map(Proposal::id).toList())
          .update();
    }
  }

  private static Map<String, List<String>> byTable(List<Proposal> proposals) {
    return proposals.stream().collect(Collectors.groupingBy(Proposal::table, LinkedHashMap::new,
        Collectors.mapping(Proposal::recordId, Collectors.toList())));
  }

  @FunctionalInterface
  private interface Action {
    SystemChange apply(SystemId system, String table, List<String> recordIds);
  }
}
