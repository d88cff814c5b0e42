package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * After a system is restored from a backup, what the requests changed in it since the backup was taken is done again
 * (CEF 2025, F35: data erased, corrected or restricted must not come back with a backup): erasures, corrections,
 * restrictions and their liftings, marketing stopped and suppression entries, in the order they were first done. It
 * acts on the record ids the change log keeps and, for a correction, on the corrected value kept for restores; doing
 * again what is in place changes nothing, so a replay may run twice. Each request with something done again gets a
 * step saying so. What a system's owners did there by hand (in a manual system; a restriction or erasure by hand; the
 * lifting of such a restriction) Rights Desk cannot redo or check: as for the first time, the owner group gets a task
 * per request to do it again, the request a step, and the officer's report lists it; a second replay of the same
 * backup starts no second task.
 */
@Service
public class RestoreReplay {

  private static final Logger log = LoggerFactory.getLogger(RestoreReplay.class);

  private static final String SUPPRESSION_ADDED = "SUPPRESSION_ADDED";
  private static final String SUPPRESSION_KEPT = "SUPPRESSION_KEPT";

  /** The changes Rights Desk does again, with the step each gets and how its note says it was done again. */
  private static final Map<String, Redo> REDONE = Map.of(
      SystemChange.Action.DELETED.name(), new Redo(Step.ERASURE_REPLAYED_AFTER_RESTORE, "erased again"),
      SystemChange.Action.ANONYMISED.name(), new Redo(Step.ERASURE_REPLAYED_AFTER_RESTORE, "erased again"),
      SystemChange.Action.RECTIFIED.name(), new Redo(Step.RECTIFICATION_REPLAYED_AFTER_RESTORE, "corrected again"),
      SystemChange.Action.RESTRICTED.name(), new Redo(Step.RESTRICTION_REPLAYED_AFTER_RESTORE, "restricted again"),
      SystemChange.Action.RESTRICTION_LIFTED.name(),
      new Redo(Step.RESTRICTION_REPLAYED_AFTER_RESTORE, "released from the restriction again"),
      SystemChange.Action.MARKETING_STOPPED.name(),
      new Redo(Step.MARKETING_STOP_REPLAYED_AFTER_RESTORE, "taken off marketing again"),
      SUPPRESSION_ADDED, new Redo(Step.MARKETING_STOP_REPLAYED_AFTER_RESTORE, "added again (the address's hash)"),
      SUPPRESSION_KEPT, new Redo(Step.MARKETING_STOP_REPLAYED_AFTER_RESTORE, "added again (the address's hash)"));

  /** What the owners did by hand: theirs to do again. */
  private static final List<String> BY_HAND = List.of(WorkByHand.DONE, WorkByHand.LIFTED);

  /** The owners' redo is due by the end of this working day after the replay. */
  private static final int REDO_WITHIN_WORKING_DAYS = 3;

  private record Redo(Step step, String done) {}

  /** One change done again: the request, where, what, and how many records the restore had brought back. */
  public record DoneAgain(String reference, String table, String action, int records) {}

  /**
   * One change the system's owners did by hand (they get a task to redo it), or that Rights Desk can no longer do (a
   * corrected value no longer kept: the officer sees to it). {@code whatWasDone} is what the owners recorded (by
   * categories, no values), or the data categories of a change Rights Desk made; {@code alreadyListed} says an
   * earlier replay of the same backup listed it already (and gave the owners their task).
   */
  public record ToRedoByHand(String reference, String action, String table, List<String> records,
      String whatWasDone, Instant doneAt, boolean alreadyListed) {}

  /**
   * What the replay did for one restored system: of the changes made since the backup, those done again, those
   * found still in place (a second replay finds them all so), and those to redo by hand.
   */
  public record Report(String system, Instant backupTakenAt, Instant replayedAt, String officer,
      int changesSinceBackup, int alreadyInPlace, List<DoneAgain> doneAgain, List<ToRedoByHand> toRedoByHand) {}

  private record LoggedChange(long requestId, String reference, String table, String action, List<String> recordIds,
      List<String> categories, Instant changedAt) {}

  private final JdbcClient jdbc;
  private final CompanySystems systems;
  private final Rectifications rectifications;
  private final RequestLifecycle lifecycle;
  private final RestoredSystemOwners owners;
  private final LegalCalendar calendar;
  private final Clock clock;

  RestoreReplay(JdbcClient jdbc, CompanySystems systems, Rectifications rectifications, RequestLifecycle lifecycle,
      RestoredSystemOwners owners, LegalCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.systems = systems;
    this.rectifications = rectifications;
    this.lifecycle = lifecycle;
    this.owners = owners;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * What the restore brought back is processed again without a lawful basis from the moment the system runs, so the
   * owners' redo is due soon: by the end of the third working day after the replay.
   */
  private Instant redoDueAt() {
    return calendar.endOfDay(calendar.addWorkingDays(calendar.receiptDate(clock.instant()), REDO_WITHIN_WORKING_DAYS));
  }

  /** Does again in {@code system} every change recorded there since {@code backupTakenAt}, or lists it by hand. */
  public Report replay(String system, Instant backupTakenAt, String officer) {
    SystemDeclaration declaration = restorable(system, backupTakenAt);
    SystemId id = declaration.systemId();
    List<DoneAgain> doneAgain = new ArrayList<>();
    List<ToRedoByHand> toRedoByHand = new ArrayList<>();
    Set<String> ownersTasked = new HashSet<>();
    int alreadyInPlace = 0;
    List<LoggedChange> since = changesSince(declaration, backupTakenAt, actionsToReplay(declaration), null);
    String where = id.value() + " restored from a backup of " + backupTakenAt + ": ";
    for (LoggedChange change : since) {
      Optional<Integer> redone = BY_HAND.contains(change.action()) ? Optional.empty() : redo(declaration, change);
      if (redone.isEmpty()) {
        String note = where + "what was done on " + change.changedAt().atOffset(ZoneOffset.UTC).toLocalDate() + " ("
            + change.action() + ") is to be done again by hand";
        boolean alreadyListed = listed(change, note);
        if (!alreadyListed) {
          // the task before the step: a replay that dies in between starts the task again rather than never
          if (BY_HAND.contains(change.action()) && ownersTasked.add(change.reference())) {
            owners.redoByHand(change.reference(), id.value(), backupTakenAt, redoDueAt());
          }
          lifecycle.recordStep(lifecycle.get(change.reference()), Step.BY_HAND_CHANGE_TO_REDO_AFTER_RESTORE, officer,
              note);
        }
        toRedoByHand.add(new ToRedoByHand(change.reference(), change.action(), change.table(), change.recordIds(),
            String.join(", ", change.categories()), change.changedAt(), alreadyListed));
      } else if (redone.get() == 0) {
        alreadyInPlace++;
      } else {
        String table = isSuppression(change) ? declaration.suppression().table() : change.table();
        Redo redo = REDONE.get(change.action());
        doneAgain.add(new DoneAgain(change.reference(), table, change.action(), redone.get()));
        lifecycle.recordStep(lifecycle.get(change.reference()), redo.step(), officer,
            where + redone.get() + " record(s) of " + table + " " + redo.done());
      }
    }
    // counts only: no record id or value in the log
    log.info("Replayed {} change(s) in {} after a restore from {}: {} done again, {} in place, {} to redo by hand",
        since.size(), id.value(), backupTakenAt, doneAgain.size(), alreadyInPlace, toRedoByHand.size());
    return new Report(id.value(), backupTakenAt, clock.instant(), officer, since.size(), alreadyInPlace, doneAgain,
        toRedoByHand);
  }

  /** What the owners did by hand in the system for the request since the backup: for their task to redo it. */
  public List<ToRedoByHand> doneByHandSince(String reference, String system, Instant backupTakenAt) {
    return changesSince(systems.system(SystemId.of(system)), backupTakenAt, BY_HAND, reference).stream()
        .map(change -> new ToRedoByHand(reference, change.action(), change.table(), change.recordIds(),
            String.join(", ", change.categories()), change.changedAt(), true))
        .toList();
  }

  /** The owners did again by hand what the restore undid: the request gets a step saying so. */
  public void recordRedoneByHand(String reference, String system, Instant backupTakenAt, String owner) {
    lifecycle.recordStep(lifecycle.get(reference), Step.BY_HAND_CHANGE_REDONE_AFTER_RESTORE, owner,
        system + " restored from a backup of " + backupTakenAt + ": what was done by hand is done again");
  }

  /**
   * What a replay of the system does again or lists: what was done by hand, and in a JDBC system every change Rights
   * Desk makes there.
   */
  private static List<String> actionsToReplay(SystemDeclaration system) {
    List<String> actions = new ArrayList<>(BY_HAND);
    if (system.accessMode() == Access.JDBC) {
      actions.addAll(REDONE.keySet());
    }
    return actions;
  }

  /**
   * The changes of these kinds logged in the system since the backup, oldest first (a restriction before its
   * lifting), with the suppression entries where the system keeps a suppression table; only one request's when
   * {@code reference} is given.
   */
  private List<LoggedChange> changesSince(SystemDeclaration system, Instant backupTakenAt, List<String> actions,
      String reference) {
    List<String> where = new ArrayList<>(List.of(system.id()));
    if (system.accessMode() == Access.JDBC && system.suppression() != null) {
      where.add(MarketingRights.SUPPRESSION);
    }
    String oneRequest = reference == null ? "" : " AND r.reference = :reference";
    return jdbc.sql("""
            SELECT r.id, r.reference, c.table_name, c.action, c.record_ids, c.categories, c.changed_at
            FROM request_change c JOIN dsr_request r ON r.id = c.request_id
            WHERE c.system_id IN (:systems) AND c.action IN (:actions) AND c.changed_at >= :since%s
            ORDER BY c.changed_at, c.id""".formatted(oneRequest))
        .param("systems", where)
        .param("actions", actions)
        .param("since", backupTakenAt.atOffset(ZoneOffset.UTC))
        .params(reference == null ? Map.of() : Map.of("reference", reference))
        .query((rs, n) -> new LoggedChange(rs.getLong("id"), rs.getString("reference"), rs.getString("table_name"),
            rs.getString("action"), RequestFindings.split(rs.getString("record_ids"), ","),
            RequestFindings.split(rs.getString("categories"), ", "),
            rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  /**
   * Does one change again: the number of records it changed (0: in place already), or empty where Rights Desk no
   * longer holds what it needs (the corrected value, the address of a reduced request).
   */
  private Optional<Integer> redo(SystemDeclaration system, LoggedChange change) {
    SystemId id = system.systemId();
    if (isSuppression(change)) {
      return suppressAgain(id, change);
    }
    return switch (SystemChange.Action.valueOf(change.action())) {
      case DELETED, ANONYMISED -> Optional.of(changed(systems.erase(id, change.table(), change.recordIds())));
      case RESTRICTED -> Optional.of(changed(systems.restrict(id, change.table(), change.recordIds())));
      case RESTRICTION_LIFTED -> Optional.of(changed(systems.liftRestriction(id, change.table(), change.recordIds())));
      case MARKETING_STOPPED -> Optional.of(changed(systems.stopMarketing(id, change.table(), change.recordIds())));
      case RECTIFIED -> rectifications.keptForRestores(change.requestId())
          .map(correction -> change.recordIds().stream().mapToInt(record -> changed(systems.rectify(id,
              change.table(), record, correction.column(), correction.value()))).sum());
    };
  }

  private Optional<Integer> suppressAgain(SystemId id, LoggedChange change) {
    DataSubjectRequest request = lifecycle.get(change.reference());
    return request.subject().reachableByEmail()
        ? Optional.of(systems.suppress(id, request.subject().email()) ? 1 : 0)
        : Optional.empty();
  }

  private static boolean isSuppression(LoggedChange change) {
    return change.action().equals(SUPPRESSION_ADDED) || change.action().equals(SUPPRESSION_KEPT);
  }

  private static int changed(SystemChange change) {
    return change.recordIds().size();
  }

  /** Whether a replay of the same backup listed this by hand already (its step). */
  private boolean listed(LoggedChange change, String note) {
    return jdbc.sql("SELECT COUNT(*) FROM dsr_request_step WHERE request_id = ? AND step = ? AND note = ?")
        .params(change.requestId(), Step.BY_HAND_CHANGE_TO_REDO_AFTER_RESTORE.name(), note)
        .query(Long.class)
        .single() > 0;
  }

  private SystemDeclaration restorable(String system, Instant backupTakenAt) {
    List<Violation> violations = new ArrayList<>();
    SystemDeclaration declaration = systems.systems().stream().filter(s -> s.id().equals(system)).findFirst()
        .orElse(null);
    if (declaration == null) {
      violations.add(new Violation("system", "must name a declared system"));
    }
    if (backupTakenAt == null || backupTakenAt.isAfter(clock.instant())) {
      violations.add(new Violation("backupTakenAt", "must be given and not in the future"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidRequestException(violations);
    }
    return declaration;
  }
}
