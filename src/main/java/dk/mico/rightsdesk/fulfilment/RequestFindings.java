package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.systems.Finding;
import dk.mico.rightsdesk.systems.MatchedBy;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What discovery found for a request and what was changed in the company's systems, kept with the request (in the
 * engine's database), never in process variables and never with values.
 */
@Repository
public class RequestFindings {

  /** A finding as the request's record keeps it; candidates (not matched by a verified identifier) wait for the officer. */
  public record RecordedFinding(String system, String table, String recordId, List<String> categories,
      String legalBasis, String source, String matchedBy) {}

  /** A change as the request's record keeps it. */
  public record RecordedChange(String system, String table, String action, List<String> recordIds,
      List<String> categories, Instant changedAt) {}

  private final JdbcClient jdbc;
  /** For the findings of one lookup, written in one batch: a common name finds hundreds of namesakes in a big company. */
  private final JdbcTemplate batches;

  RequestFindings(JdbcClient jdbc, JdbcTemplate batches) {
    this.jdbc = jdbc;
    this.batches = batches;
  }

  /**
   * A record found by identifiers that prove nothing, for the officer to confirm ("this is the subject", with a note)
   * or reject; only confirmed ones are acted on.
   */
  public record Candidate(long id, String system, String table, String recordId, List<String> categories,
      List<String> matchedOn, String decision, String note, String decidedBy) {

    public boolean decided() {
      return decision != null;
    }

    public boolean confirmed() {
      return CONFIRMED.equals(decision);
    }
  }

  public static final String CONFIRMED = "CONFIRMED";
  public static final String REJECTED = "REJECTED";

  /** A record is acted on without a person's decision only when a verified identifier found it. */
  private static final String ACTED_ON =
      "(matched_by IN ('EMAIL', 'PHONE') OR candidate_decision = '" + CONFIRMED + "')";
  private static final String NOT_REJECTED = "(candidate_decision IS NULL OR candidate_decision <> ?)";

  /**
   * Replaces what an earlier run of the same lookup found, so a lookup that runs again records nothing twice; a
   * candidate the officer has decided on keeps its decision.
   */
  void replace(long requestId, SystemId system, List<Finding> found, Instant now) {
    jdbc.sql("DELETE FROM request_finding WHERE request_id = ? AND system_id = ? AND candidate_decision IS NULL")
        .params(requestId, system.value())
        .update();
    if (found.isEmpty()) {
      return; // nothing to add, so no decided candidate to leave alone
    }
    Set<String> decided = new HashSet<>(jdbc.sql(
            "SELECT table_name, record_id FROM request_finding WHERE request_id = ? AND system_id = ?")
        .params(requestId, system.value())
        .query((rs, n) -> rs.getString("table_name") + "/" + rs.getString("record_id"))
        .list());
    List<Object[]> rows = found.stream()
        .filter(f -> !decided.contains(f.table() + "/" + f.recordId()))
        .map(f -> new Object[] {requestId, system.value(), f.table(), f.recordId(), String.join(", ", f.categories()),
            f.legalBasis(), f.source(), f.portable(), f.restricted(), f.consentOnly(), f.matchedBy().name(),
            String.join(", ", f.matchedOn()), utc(now)})
        .toList();
    if (!rows.isEmpty()) {
      batches.batchUpdate("""
          INSERT INTO request_finding (request_id, system_id, table_name, record_id, categories, legal_basis, source,
            portable, restricted, consent_only, matched_by, matched_on, found_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }
  }

  /** The findings of one system that may be acted on: verified ones and candidates the officer confirmed. */
  List<Finding> verified(long requestId, SystemId system) {
    return select("system_id = ? AND " + ACTED_ON, requestId, system.value());
  }

  /** The findings that may be acted on, of every system at once, by system: one read where an answer needs them all. */
  Map<SystemId, List<Finding>> verifiedBySystem(long requestId) {
    return bySystem(select(ACTED_ON, requestId));
  }

  /**
   * What identifies a person who gave no e-mail address well enough for the rights that act at once (an objection to
   * direct marketing, a withdrawal of consent, F27): the verified findings, and candidates found by the phone number
   * or by the name together with the postal address, never by the name alone.
   */
  List<Finding> identifying(long requestId, SystemId system) {
    return select("system_id = ? AND " + NOT_REJECTED, requestId, system.value(), REJECTED).stream()
        .filter(RequestFindings::identifies).toList();
  }

  /** {@link #identifying(long, SystemId)} of every system at once, by system. */
  Map<SystemId, List<Finding>> identifyingBySystem(long requestId) {
    return bySystem(select(NOT_REJECTED, requestId, REJECTED).stream().filter(RequestFindings::identifies).toList());
  }

  private static boolean identifies(Finding f) {
    return f.verified() || f.matchedOn().contains("phone")
        || f.matchedOn().containsAll(List.of("name", SubjectIdentifiers.POSTAL_ADDRESS));
  }

  private static Map<SystemId, List<Finding>> bySystem(List<Finding> found) {
    return found.stream().collect(Collectors.groupingBy(Finding::system, LinkedHashMap::new, Collectors.toList()));
  }

  /** The request's findings that meet the condition (on top of the request), in table and record order. */
  private List<Finding> select(String condition, long requestId, Object... params) {
    return jdbc.sql("SELECT system_id, table_name, record_id, categories, legal_basis, source, portable, restricted, "
            + "consent_only, matched_by, matched_on FROM request_finding WHERE request_id = ? AND " + condition
            + " ORDER BY system_id, table_name, record_id")
        .param(requestId)
        .params(params)
        .query((rs, n) -> new Finding(SystemId.of(rs.getString("system_id")), rs.getString("table_name"),
            rs.getString("record_id"), List.of(rs.getString("categories").split(", ")), rs.getString("legal_basis"),
            rs.getString("source"), (Boolean) rs.getObject("portable"), rs.getBoolean("restricted"),
            rs.getBoolean("consent_only"), MatchedBy.valueOf(rs.getString("matched_by")),
            split(rs.getString("matched_on"), ", ")))
        .list();
  }

  /** The request's candidates, decided or not, in system order. */
  public List<Candidate> candidates(long requestId) {
    return jdbc.sql("""
            SELECT id, system_id, table_name, record_id, categories, matched_on, candidate_decision, decision_note,
              decided_by
            FROM request_finding WHERE request_id = ? AND matched_by NOT IN ('EMAIL', 'PHONE')
            ORDER BY system_id, table_name, record_id""")
        .param(requestId)
        .query((rs, n) -> new Candidate(rs.getLong("id"), rs.getString("system_id"), rs.getString("table_name"),
            rs.getString("record_id"), split(rs.getString("categories"), ", "),
            split(rs.getString("matched_on"), ", "), rs.getString("candidate_decision"),
            rs.getString("decision_note"), rs.getString("decided_by")))
        .list();
  }

  /** Whether candidates wait for the officer: then no answer may say that nothing was found. */
  public boolean candidatesWaiting(long requestId) {
    return candidates(requestId).stream().anyMatch(c -> !c.decided());
  }

  void decideCandidate(long requestId, long candidateId, String decision, String note, String officer,
      Instant now) {
    jdbc.sql("""
            UPDATE request_finding SET candidate_decision = ?, decision_note = ?, decided_by = ?, decided_at = ?
            WHERE id = ? AND request_id = ?""")
        .params(decision, note, officer, utc(now), candidateId, requestId)
        .update();
  }

  /** Everything the request's lookups found, name-only candidates included (marked), for the officer. */
  public List<RecordedFinding> all(long requestId) {
    return jdbc.sql("SELECT system_id, table_name, record_id, categories, legal_basis, source, matched_by "
            + "FROM request_finding WHERE request_id = ? ORDER BY system_id, table_name, record_id")
        .param(requestId)
        .query((rs, n) -> new RecordedFinding(rs.getString("system_id"), rs.getString("table_name"),
            rs.getString("record_id"), split(rs.getString("categories"), ", "), rs.getString("legal_basis"),
            rs.getString("source"), rs.getString("matched_by")))
        .list();
  }

  void record(long requestId, String system, String table, String action, List<String> recordIds,
      List<String> categories, String decidedBy, Instant now) {
    record(requestId, system, table, action, recordIds, categories, decidedBy, now, List.of());
  }

  /** A change, with the recipients whose record filter selected its records before it was made (F4). */
  void record(long requestId, String system, String table, String action, List<String> recordIds,
      List<String> categories, String decidedBy, Instant now, List<String> receivedBy) {
    jdbc.sql("""
            INSERT INTO request_change (request_id, system_id, table_name, action, record_ids, categories,
              decided_by, changed_at, received_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(requestId, system, table, action, String.join(",", recordIds), String.join(", ", categories),
            decidedBy, utc(now), String.join(",", receivedBy))
        .update();
  }

  public List<RecordedChange> changes(long requestId) {
    return jdbc.sql("SELECT system_id, table_name, action, record_ids, categories, changed_at FROM request_change "
            + "WHERE request_id = ? ORDER BY changed_at, id")
        .param(requestId)
        .query((rs, n) -> new RecordedChange(rs.getString("system_id"), rs.getString("table_name"),
            rs.getString("action"), split(rs.getString("record_ids"), ","), split(rs.getString("categories"), ", "),
            rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  static List<String> split(String joined, String separator) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
