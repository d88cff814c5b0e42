package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.SystemChange;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * After a system is restored from a backup, the erasures done in it since the backup was taken are done again (CEF
 * 2025, F35: erased data in backups is erased again if a backup is restored). It acts on the record ids the change
 * log keeps, never on values; erasing what is already erased changes nothing, so a replay may run twice. Each request
 * whose erasure was done again gets a step saying so.
 */
@Service
public class RestoreReplay {

  private static final Logger log = LoggerFactory.getLogger(RestoreReplay.class);

  /** One erasure done again: the request, where, and how many records the restore had brought back. */
  public record ErasedAgain(String reference, String table, int records) {}

  /** What the replay did for one restored system. */
  public record Report(String system, Instant backupTakenAt, Instant replayedAt, String officer,
      int erasuresReplayed, List<ErasedAgain> erasedAgain) {}

  private final JdbcClient jdbc;
  private final CompanySystems systems;
  private final RequestLifecycle lifecycle;
  private final Clock clock;

  RestoreReplay(JdbcClient jdbc, CompanySystems systems, RequestLifecycle lifecycle, Clock clock) {
    this.jdbc = jdbc;
    this.systems = systems;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  private record Erasure(String reference, String table, List<String> recordIds) {}

  /** Does again every erasure recorded in {@code system} since {@code backupTakenAt}. */
  public Report replayErasures(String system, Instant backupTakenAt, String officer) {
    SystemId id = restorable(system, backupTakenAt);
    List<Erasure> erasures = jdbc.sql("""
            SELECT r.reference, c.table_name, c.record_ids FROM request_change c
            JOIN dsr_request r ON r.id = c.request_id
            WHERE c.system_id = ? AND c.action IN ('DELETED', 'ANONYMISED') AND c.changed_at >= ?
            ORDER BY c.changed_at, c.id""")
        .params(id.value(), backupTakenAt.atOffset(ZoneOffset.UTC))
        .query((rs, n) -> new Erasure(rs.getString("reference"), rs.getString("table_name"),
            List.of(rs.getString("record_ids").split(","))))
        .list();
    List<ErasedAgain> erasedAgain = new ArrayList<>();
    for (Erasure erasure : erasures) {
      SystemChange change = systems.erase(id, erasure.table(), erasure.recordIds());
      if (change.changedAnything()) {
        erasedAgain.add(new ErasedAgain(erasure.reference(), erasure.table(), change.recordIds().size()));
        lifecycle.recordStep(lifecycle.get(erasure.reference()), Step.ERASURE_REPLAYED_AFTER_RESTORE, officer,
            id.value() + " restored from a backup of " + backupTakenAt + ": " + change.recordIds().size()
                + " record(s) of " + erasure.table() + " erased again");
      }
    }
    // counts only: no record id or value in the log
    log.info("Replayed {} erasure(s) in {} after a restore from {}; {} brought back and erased again",
        erasures.size(), id.value(), backupTakenAt, erasedAgain.size());
    return new Report(id.value(), backupTakenAt, clock.instant(), officer, erasures.size(), erasedAgain);
  }

  private SystemId restorable(String system, Instant backupTakenAt) {
    List<Violation> violations = new ArrayList<>();
    SystemId id = systems.systems().stream().filter(s -> s.id().equals(system)).findFirst()
        .filter(s -> s.accessMode() == Access.JDBC).map(SystemDeclaration::systemId).orElse(null);
    if (id == null) {
      violations.add(new Violation("system", "must name a declared jdbc system (a manual system's owners redo its "
          + "erasures by hand)"));
    }
    if (backupTakenAt == null || backupTakenAt.isAfter(clock.instant())) {
      violations.add(new Violation("backupTakenAt", "must be given and not in the future"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return id;
  }
}
