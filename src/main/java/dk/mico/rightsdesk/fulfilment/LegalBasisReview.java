package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.ObjectionScope;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestStatus;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.request.Step;
import dk.mico.rightsdesk.systems.CompanyProperties.EraseMode;
import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.Finding;
import dk.mico.rightsdesk.systems.SystemId;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal-basis review of an erasure, restriction or general objection (design.md step 4): the decision tables
 * propose, per record that discovery found, what the right allows and the article behind it; the officer confirms
 * each proposal or overrides it with a written justification, which is kept with the request.
 */
@Service
public class LegalBasisReview {

  /**
   * The decisions an officer can take per right; anything other than the proposal is an override. Keeping for legal
   * claims (Art 17(3)(e)) is never proposed: only a person knows of a claim, and the justification names it. Erasing
   * by hand is for a table Rights Desk may not erase (declared kept) whose period has ended: its owners erase it.
   */
  private static final Map<RequestType, List<String>> DECISIONS = Map.of(
      RequestType.ERASURE, List.of("ERASE", Proposal.ERASE_BY_HAND, "KEEP", Proposal.KEEP_FOR_LEGAL_CLAIMS),
      RequestType.RESTRICTION, List.of("RESTRICT", "RESTRICT_BY_HAND", "NO_ACTION"),
      RequestType.OBJECTION, List.of("BALANCE", "STOP", "WITHDRAW", "NOT_APPLICABLE"));

  /** The decisions that erase the record: an upheld objection and a withdrawal erase as an erasure does. */
  private static final Set<String> ERASING = Set.of("ERASE", Proposal.ERASE_BY_HAND, "STOP", "WITHDRAW");

  private final JdbcClient jdbc;
  private final RequestLifecycle lifecycle;
  private final RequestMarks marks;
  private final RequestFindings findings;
  private final CompanySystems systems;
  private final LegalBasisRules rules;
  private final LegalCalendar calendar;
  private final Clock clock;

  LegalBasisReview(JdbcClient jdbc, RequestLifecycle lifecycle, RequestMarks marks, RequestFindings findings,
      CompanySystems systems, LegalBasisRules rules, LegalCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.marks = marks;
    this.findings = findings;
    this.systems = systems;
    this.rules = rules;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The decisions open to the officer for a request of this type. */
  public static List<String> decisions(RequestType type) {
    return DECISIONS.getOrDefault(type, List.of());
  }

  /**
   * Asks the decision tables about every verified finding of the request and keeps their proposals; a run again
   * replaces the undecided ones and keeps the officer's decisions.
   */
  @Transactional
  public void propose(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    String table = decisionTable(request);
    Map<String, Object> subjectFacts = subjectFacts(request);
    jdbc.sql("DELETE FROM request_proposal WHERE request_id = ? AND decision IS NULL").param(request.id()).update();
    Set<String> decided = proposals(request.id()).stream()
        .map(p -> p.system() + "/" + p.table() + "/" + p.recordId())
        .collect(Collectors.toSet());
    for (SystemDeclaration system : systems.systems()) {
      SystemId id = system.systemId();
      List<Finding> undecided = findings.verified(request.id(), id).stream()
          .filter(f -> !decided.contains(id.value() + "/" + f.table() + "/" + f.recordId()))
          .toList();
      Map<String, Map<String, LocalDate>> retentionEnds = retentionEnds(system, undecided);
      for (Finding finding : undecided) {
        RecordDeclaration declaration = system.record(finding.table()).orElseThrow();
        LocalDate keptUntil = retentionEnds.getOrDefault(finding.table(), Map.of()).get(finding.recordId());
        Map<String, Object> facts = new HashMap<>(subjectFacts);
        facts.putAll(facts(system, declaration, finding, keptUntil));
        Map<String, Object> row = rules.decide(table, facts);
        jdbc.sql("""
                INSERT INTO request_proposal (request_id, system_id, table_name, record_id, categories, legal_basis,
                  proposal, article, reason, kept_until, suppress)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(request.id(), id.value(), finding.table(), finding.recordId(),
                String.join(", ", finding.categories()), finding.legalBasis(), row.get("proposal"),
                row.get("article"), row.get("reasonCode"), keptUntil == null ? null : Date.valueOf(keptUntil),
                Boolean.TRUE.equals(row.get("suppress")))
            .update();
      }
    }
  }

  /** The end of the legal retention period of each found record that has one: one question per table. */
  private Map<String, Map<String, LocalDate>> retentionEnds(SystemDeclaration system, List<Finding> found) {
    Map<String, Map<String, LocalDate>> ends = new HashMap<>();
    found.stream()
        .filter(f -> system.record(f.table()).orElseThrow().hasRetention())
        .collect(Collectors.groupingBy(Finding::table, Collectors.mapping(Finding::recordId, Collectors.toList())))
        .forEach((table, ids) -> ends.put(table, systems.keptUntil(system.systemId(), table, ids)));
    return ends;
  }

  /** Every proposal of the request, in system order. */
  @Transactional(readOnly = true)
  public List<Proposal> proposals(String reference) {
    return proposals(lifecycle.get(reference).id());
  }

  List<Proposal> proposals(long requestId) {
    return jdbc.sql("""
            SELECT id, system_id, table_name, record_id, categories, legal_basis, proposal, article, reason,
              kept_until, suppress, decision, justification, decided_by, review_on
            FROM request_proposal WHERE request_id = ? ORDER BY system_id, table_name, id""")
        .param(requestId)
        .query((rs, n) -> new Proposal(rs.getLong("id"), rs.getString("system_id"), rs.getString("table_name"),
            rs.getString("record_id"), List.of(rs.getString("categories").split(", ")), rs.getString("legal_basis"),
            rs.getString("proposal"), rs.getString("article"), rs.getString("reason"),
            rs.getDate("kept_until") == null ? null : rs.getDate("kept_until").toLocalDate(),
            rs.getBoolean("suppress"), rs.getString("decision"), rs.getString("justification"),
            rs.getString("decided_by"), rs.getObject("review_on", LocalDate.class)))
        .list();
  }

  /**
   * The officer's decision on one proposal. Confirming needs nothing more; an override needs a written
   * justification; a record that a law requires kept cannot be erased before its period ends.
   */
  @Transactional
  public void decide(String reference, long proposalId, String decision, String justification, String officer) {
    decide(reference, proposalId, decision, justification, null, officer);
  }

  /**
   * The officer's decision on one proposal, with the day a record kept for a legal claim is reviewed (null: the
   * default, {@link Proposal#CLAIM_REVIEW_DEFAULT} from today).
   */
  @Transactional
  public void decide(String reference, long proposalId, String decision, String justification, LocalDate reviewOn,
      String officer) {
    decideAll(reference, Map.of(proposalId, decision),
        justification == null ? Map.of() : Map.of(proposalId, justification),
        reviewOn == null ? Map.of() : Map.of(proposalId, reviewOn), officer);
  }

  /** One decision, checked against the request's proposals and the state of its review, read once by the caller. */
  private void decide(DataSubjectRequest request, Map<Long, Proposal> proposals, boolean finished, long proposalId,
      String decision, String justification, LocalDate reviewOn, String officer) {
    String reference = request.reference();
    Proposal proposal = proposals.get(proposalId);
    if (proposal == null) {
      throw new InvalidRequestException(List.of(new Violation("proposal", "is not a proposal of " + reference)));
    }
    String field = "decision-" + proposalId;
    List<Violation> bad = new ArrayList<>();
    if (finished) {
      bad.add(new Violation(field, "the review of " + reference
          + " is finished and its decisions are being carried out; they can no longer be changed"));
    } else if (decision == null || !decisions(request.type()).contains(decision)) {
      bad.add(new Violation(field, "choose one of " + decisions(request.type())));
    } else if (!decision.equals(proposal.proposal()) && (justification == null || justification.isBlank())) {
      bad.add(new Violation("justification-" + proposalId,
          "is required: an override of the proposal needs a written justification"));
    } else if (ERASING.contains(decision) && proposal.keptUntil() != null
        && !proposal.keptUntil().isBefore(today())) {
      bad.add(new Violation(field, "a law requires this record kept until " + proposal.keptUntil()
          + " (Art 17(3)(b)); it is erased the day after"));
    } else if ("ERASE".equals(decision) && declaredKept(proposal)) {
      bad.add(new Violation(field, "Rights Desk cannot erase table " + proposal.table() + ", which its system "
          + "declares kept: choose " + Proposal.ERASE_BY_HAND + " and its owners erase the record"));
    } else if (Proposal.KEEP_FOR_LEGAL_CLAIMS.equals(decision) && reviewOn != null && !reviewOn.isAfter(today())) {
      bad.add(new Violation("review-on-" + proposalId, "must be a day after today: the day you review whether the "
          + "claim still needs the record"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    boolean override = !decision.equals(proposal.proposal());
    // a record kept for a claim is reviewed on a day (F19); any other decision has none
    LocalDate review = !Proposal.KEEP_FOR_LEGAL_CLAIMS.equals(decision) ? null
        : reviewOn != null ? reviewOn : today().plus(Proposal.CLAIM_REVIEW_DEFAULT);
    jdbc.sql("""
            UPDATE request_proposal SET decision = ?, justification = ?, decided_by = ?, decided_at = ?, review_on = ?
            WHERE id = ? AND request_id = ?""")
        .params(decision, override ? justification.strip() : null, officer, now(),
            review == null ? null : Date.valueOf(review), proposalId, request.id())
        .update();
  }

  private boolean declaredKept(Proposal proposal) {
    return systems.system(SystemId.of(proposal.system())).record(proposal.table())
        .map(declaration -> declaration.eraseMode() == EraseMode.KEEP).orElse(false);
  }

  /**
   * Several decisions at once, as the review page sends them: all are saved, or, where any is bad, none, and every
   * bad field is named.
   */
  @Transactional
  public void decideAll(String reference, Map<Long, String> decisions, Map<Long, String> justifications,
      Map<Long, LocalDate> reviewDates, String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    Map<Long, Proposal> proposals = proposals(request.id()).stream()
        .collect(Collectors.toMap(Proposal::id, Function.identity()));
    boolean finished = reviewFinished(request);
    List<Violation> bad = new ArrayList<>();
    decisions.forEach((id, decision) -> {
      try {
        decide(request, proposals, finished, id, decision, justifications.get(id), reviewDates.get(id), officer);
      } catch (InvalidRequestException e) {
        bad.addAll(e.violations());
      }
    });
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
  }

  /** The review is done only when every proposal has the officer's decision. */
  @Transactional(readOnly = true)
  public void requireAllDecided(String reference) {
    List<Violation> undecided = proposals(reference).stream()
        .filter(p -> !p.decided())
        .map(p -> new Violation("decision-" + p.id(), "is not decided yet (" + p.system() + ", " + p.table()
            + " " + p.recordId() + ")"))
        .toList();
    if (!undecided.isEmpty()) {
      throw new InvalidRequestException(undecided);
    }
  }

  /**
   * Whether the decisions are final: the review task was completed, something was carried out, or the request is
   * closed. Changing a decision after that would make the record differ from what was done.
   */
  @Transactional(readOnly = true)
  public boolean reviewFinished(String reference) {
    return reviewFinished(lifecycle.get(reference));
  }

  private boolean reviewFinished(DataSubjectRequest request) {
    return request.status() == RequestStatus.CLOSED || jdbc.sql("""
            SELECT EXISTS (SELECT 1 FROM dsr_request_step WHERE request_id = :id AND step = :reviewed)
              OR EXISTS (SELECT 1 FROM request_proposal WHERE request_id = :id AND carried_out_at IS NOT NULL)""")
        .param("id", request.id())
        .param("reviewed", Step.LEGAL_BASIS_REVIEWED.name())
        .query(Boolean.class)
        .single();
  }

  /** The officer's answer at a claim review: the claim still needs the records; they are reviewed again later. */
  public static final String CLAIM_STILL_NEEDED = "KEEP";
  /** The officer's answer at a claim review: the claim is over; the records are erased. */
  public static final String CLAIM_OVER = "ERASE";

  /** The records kept for a legal claim whose review falls on this day. */
  @Transactional(readOnly = true)
  public List<Proposal> keptForClaim(String reference, LocalDate day) {
    return proposals(reference).stream()
        .filter(p -> Proposal.KEEP_FOR_LEGAL_CLAIMS.equals(p.outcome()) && day.equals(p.reviewOn()))
        .toList();
  }

  /**
   * The officer's review, on its day, of records kept for a legal claim (F19): still needed, with the next review day
   * (after today); or over, and the next step erases them, unless a law still requires one kept (then keep it and
   * review after that period) or its table is declared kept (its owners erase it).
   */
  @Transactional
  public void recordClaimReview(String reference, LocalDate day, String decision, LocalDate nextReview,
      String officer) {
    List<Proposal> kept = keptForClaim(reference, day);
    List<Violation> bad = new ArrayList<>();
    if (CLAIM_STILL_NEEDED.equals(decision)) {
      if (nextReview == null || !nextReview.isAfter(today())) {
        bad.add(new Violation("nextReviewOn", "is required: a day after today, when you review the claim again"));
      }
    } else if (CLAIM_OVER.equals(decision)) {
      kept.stream().filter(p -> p.keptUntil() != null && !p.keptUntil().isBefore(today())).findFirst()
          .ifPresent(p -> bad.add(new Violation("claimReviewDecision", "a law requires " + p.table() + " "
              + p.recordId() + " kept until " + p.keptUntil() + " (Art 17(3)(b)): keep it and review after that")));
      kept.stream().filter(this::declaredKept).findFirst()
          .ifPresent(p -> bad.add(new Violation("claimReviewDecision", "Rights Desk cannot erase table "
              + p.table() + ", which its system declares kept: ask its owners to erase " + p.recordId())));
    } else {
      bad.add(new Violation("claimReviewDecision", "say whether the claim still needs the records"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    if (CLAIM_STILL_NEEDED.equals(decision)) {
      jdbc.sql("UPDATE request_proposal SET review_on = ? WHERE request_id = ? AND decision = ? AND review_on = ?")
          .params(Date.valueOf(nextReview), lifecycle.get(reference).id(), Proposal.KEEP_FOR_LEGAL_CLAIMS,
              Date.valueOf(day))
          .update();
    }
  }

  /** Whether any decided proposal needs a person's balancing (a general objection to 6(1)(e)/(f) processing). */
  @Transactional(readOnly = true)
  public boolean needsBalancing(String reference) {
    return proposals(reference).stream().anyMatch(p -> "BALANCE".equals(p.outcome()));
  }

  /**
   * The officer's balancing of a general objection (Art 21(1)): upheld, and the weighed processing stops; or
   * rejected, which needs the compelling legitimate grounds that override the subject's interests, rights and
   * freedoms, in writing: the letter gives them.
   */
  @Transactional
  public void recordBalancing(String reference, String decision, String grounds, String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<Violation> bad = new ArrayList<>();
    if (!"UPHOLD".equals(decision) && !"REJECT".equals(decision)) {
      bad.add(new Violation("balancingDecision", "choose uphold or reject"));
    } else if ("REJECT".equals(decision) && (grounds == null || grounds.isBlank())) {
      bad.add(new Violation("balancingGrounds",
          "is required to reject: state the compelling legitimate grounds (Art 21(1))"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    boolean upheld = "UPHOLD".equals(decision);
    jdbc.sql("DELETE FROM objection_balancing WHERE request_id = ?").param(request.id()).update();
    jdbc.sql("INSERT INTO objection_balancing (request_id, upheld, grounds, decided_by, decided_at) "
            + "VALUES (?, ?, ?, ?, ?)")
        .params(request.id(), upheld, upheld ? null : grounds.strip(), officer, now())
        .update();
  }

  /** The officer's balancing of a general objection, for the case file; empty where none was needed. */
  @Transactional(readOnly = true)
  public Optional<Balancing> balancing(String reference) {
    return jdbc.sql("SELECT upheld, grounds, decided_by, decided_at FROM objection_balancing WHERE request_id = ?")
        .param(lifecycle.get(reference).id())
        .query((rs, n) -> new Balancing(rs.getBoolean("upheld"), rs.getString("grounds"), rs.getString("decided_by"),
            rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  /** An objection upheld, or rejected on the compelling legitimate grounds given (Art 21(1)). */
  public record Balancing(boolean upheld, String grounds, String decidedBy, Instant decidedAt) {}

  /** The grounds of a rejected objection; null where it was upheld or not balanced. */
  @Transactional(readOnly = true)
  public String balancingGrounds(String reference) {
    return jdbc.sql("SELECT grounds FROM objection_balancing WHERE request_id = ? AND upheld = FALSE")
        .param(lifecycle.get(reference).id())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static String decisionTable(DataSubjectRequest request) {
    return switch (request.type()) {
      case ERASURE -> LegalBasisRules.ERASURE;
      case RESTRICTION -> LegalBasisRules.RESTRICTION;
      case OBJECTION -> LegalBasisRules.OBJECTION;
      default -> throw new IllegalArgumentException(request.type() + " has no legal-basis review");
    };
  }

  /**
   * What the restriction table needs to know of the subject's other requests: a rectification under way means
   * accuracy is contested (18(1)(a)); a general objection under way is being weighed (18(1)(d)).
   */
  private Map<String, Object> subjectFacts(DataSubjectRequest request) {
    String email = request.subject().email();
    Map<String, Object> facts = new HashMap<>();
    facts.put("accuracyContested", email != null
        && marks.openRequestFor(email, RequestType.RECTIFICATION, null, request.id()).isPresent());
    facts.put("objectionPending", email != null
        && marks.openRequestFor(email, RequestType.OBJECTION, ObjectionScope.GENERAL, request.id()).isPresent());
    return facts;
  }

  private Map<String, Object> facts(SystemDeclaration system, RecordDeclaration declaration, Finding finding,
      LocalDate keptUntil) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("system", system.id());
    facts.put("legalBasis", finding.legalBasis());
    facts.put("consentOnly", finding.consentOnly());
    facts.put("eraseMode", declaration.eraseMode().name());
    // the record itself serves marketing (a newsletter subscription), not merely a table with a marketing flag
    facts.put("marketing", system.suppression() != null);
    facts.put("retention", keptUntil == null ? "NONE" : keptUntil.isBefore(today()) ? "ENDED" : "RUNNING");
    facts.put("restrictable", declaration.restrictColumn() != null && !declaration.restrictColumn().isBlank());
    facts.put("restricted", finding.restricted());
    return facts;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(calendar.zone()));
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
