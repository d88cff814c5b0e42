package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.Disclosures;
import dk.mico.rightsdesk.systems.SystemChange;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes in a company system, each logged with the request exactly once. The company's database commits on its own,
 * before the job's transaction that logs the change; a job that dies in between (a crash, a failure later in the job)
 * would lose the log row, and its rerun would find nothing left to change. So each change is first noted in
 * {@code request_change_in_flight}, in a transaction of its own, just before the company system commits it, and the
 * job's transaction moves the notes into the change log. A rerun moves what an earlier run noted: the change log
 * then holds what was changed, whichever run changed it, once. With each change go the recipients whose record filter
 * selected its records, asked about the records the action is given, just before the change (Art 19, F4): an erased
 * record can no longer be filtered, and what changes need not be what discovery found (stopping marketing acts on
 * every record that holds the address when it runs).
 */
@Component
class LoggedChanges {

  private final CompanySystems systems;
  private final Disclosures disclosures;
  private final RequestFindings findings;
  private final JdbcClient jdbc;
  private final TransactionTemplate apart;
  private final Clock clock;

  LoggedChanges(CompanySystems systems, Disclosures disclosures, RequestFindings findings, JdbcClient jdbc,
      PlatformTransactionManager transactions, Clock clock) {
    this.systems = systems;
    this.disclosures = disclosures;
    this.findings = findings;
    this.jdbc = jdbc;
    this.apart = new TransactionTemplate(transactions);
    this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * Carries out one action on these records of one table and logs what it changed, in the caller's transaction. The
   * action changes, among them, those still to change.
   */
  void carryOut(long requestId, SystemId system, String decidedBy, String table, List<String> recordIds,
      Supplier<SystemChange> action) {
    carryOutAll(requestId, system, decidedBy, Map.of(table, recordIds), (t, ids) -> action.get());
  }

  /**
   * Carries out an action on each table's records in one system, as one transaction there, and logs what they
   * changed. The record filters are asked about exactly these records, just before (F4); a change made by an earlier
   * run is logged even when nothing is left to change now.
   */
  void carryOutAll(long requestId, SystemId system, String decidedBy, Map<String, List<String>> records,
      BiFunction<String, List<String>, SystemChange> action) {
    Map<String, Map<String, Set<String>>> filtered = filteredRecipients(system, records);
    systems.inOneTransaction(system,
        () -> records.entrySet().stream().map(e -> action.apply(e.getKey(), e.getValue())).toList(),
        changes -> noteInFlight(requestId, changes, decidedBy, filtered));
    logInFlight(requestId, system);
  }

  /** Per table and record about to change, the recipients whose record filter selects it. */
  private Map<String, Map<String, Set<String>>> filteredRecipients(SystemId system,
      Map<String, List<String>> records) {
    Map<String, Map<String, Set<String>>> byTable = new HashMap<>();
    if (disclosures.filters(system)) {
      records.forEach((table, ids) -> byTable.put(table, disclosures.filteredRecipients(system, table, ids)));
    }
    return byTable;
  }

  private static String receivedBy(SystemChange change, Map<String, Map<String, Set<String>>> filtered) {
    Map<String, Set<String>> byRecord = filtered.getOrDefault(change.table(), Map.of());
    Set<String> recipients = new TreeSet<>();
    change.recordIds().forEach(id -> recipients.addAll(byRecord.getOrDefault(id, Set.of())));
    return String.join(",", recipients);
  }

  private void noteInFlight(long requestId, List<SystemChange> changes, String decidedBy,
      Map<String, Map<String, Set<String>>> filtered) {
    List<SystemChange> made = changes.stream().filter(SystemChange::changedAnything).toList();
    if (made.isEmpty()) {
      return;
    }
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    apart.executeWithoutResult(status -> made.forEach(change -> jdbc.sql("""
            INSERT INTO request_change_in_flight (request_id, system_id, table_name, action, record_ids, categories,
              decided_by, changed_at, received_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(requestId, change.system().value(), change.table(), change.action().name(),
            String.join(",", change.recordIds()), String.join(", ", change.categories()), decidedBy, now,
            receivedBy(change, filtered))
        .update()));
  }

  private record Note(long id, String table, String action, List<String> recordIds, List<String> categories,
      String decidedBy, Instant changedAt, List<String> receivedBy) {}

  private void logInFlight(long requestId, SystemId system) {
    // FOR UPDATE: the same job running on another node (past its lock) waits here and then finds the notes moved
    List<Note> notes = jdbc.sql("""
            SELECT id, table_name, action, record_ids, categories, decided_by, changed_at, received_by
            FROM request_change_in_flight WHERE request_id = ? AND system_id = ? ORDER BY id FOR UPDATE""")
        .params(requestId, system.value())
        .query((rs, n) -> new Note(rs.getLong("id"), rs.getString("table_name"), rs.getString("action"),
            List.of(rs.getString("record_ids").split(",")), List.of(rs.getString("categories").split(", ")),
            rs.getString("decided_by"), rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
            RequestFindings.split(rs.getString("received_by"), ",")))
        .list();
    if (notes.isEmpty()) {
      return;
    }
    // one table and action is one change: an earlier run may have noted records that this run changed again
    // (its company transaction did not commit) or found changed (it did)
    Map<String, List<Note>> byChange = new LinkedHashMap<>();
    notes.forEach(note -> byChange.computeIfAbsent(note.table() + "/" + note.action(), k -> new ArrayList<>())
        .add(note));
    byChange.values().forEach(same -> {
      Set<String> recordIds = new LinkedHashSet<>();
      Set<String> receivedBy = new TreeSet<>();
      same.forEach(note -> {
        recordIds.addAll(note.recordIds());
        receivedBy.addAll(note.receivedBy());
      });
      Note first = same.get(0);
      findings.record(requestId, system.value(), first.table(), first.action(), List.copyOf(recordIds),
          first.categories(), first.decidedBy(), first.changedAt(), List.copyOf(receivedBy));
    });
    jdbc.sql("DELETE FROM request_change_in_flight WHERE id IN (:ids)")
        .param("ids", notes.stream().map(Note::id).toList())
        .update();
  }
}
