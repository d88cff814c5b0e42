package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.Outcome;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.systems.BackupRetention;
import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.Finding;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectification (Art 16): the officer checks what the subject says is wrong and decides: correct it (a column and
 * its corrected value, written in every system that declares the column rectifiable, by a retried job per system),
 * complete it with a supplementary statement, or keep it as accurate with the reasons (a refusal, Art 12(4)). The
 * corrected value waits for its jobs in a table of its own; once written, it is kept apart until the backups taken
 * before the correction are gone, to be written again should one of them be restored (F35), then removed by record
 * retention. The change log names the column, never the value.
 */
@Service
public class Rectifications {

  public static final String CORRECT = "CORRECT";
  public static final String SUPPLEMENT = "SUPPLEMENT";
  public static final String ACCURATE = "ACCURATE";

  /** The check as the request keeps it. */
  public record Check(String decision, String column, String statement, String decidedBy) {}

  private final JdbcClient jdbc;
  private final RequestLifecycle lifecycle;
  private final RequestFindings findings;
  private final LoggedChanges changes;
  private final CompanySystems systems;
  private final RightsAnswers answers;
  private final MessageSource messages;
  private final BackupRetention backups;
  private final LegalCalendar calendar;
  private final Clock clock;

  Rectifications(JdbcClient jdbc, RequestLifecycle lifecycle, RequestFindings findings, LoggedChanges changes,
      CompanySystems systems, RightsAnswers answers, MessageSource messages, BackupRetention backups,
      LegalCalendar calendar, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.findings = findings;
    this.changes = changes;
    this.systems = systems;
    this.answers = answers;
    this.messages = messages;
    this.backups = backups;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** The columns that can be corrected in the records found for the subject. */
  @Transactional(readOnly = true)
  public List<String> correctableColumns(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    TreeSet<String> columns = new TreeSet<>();
    for (SystemDeclaration system : jdbcSystems()) {
      for (Finding finding : findings.verified(request.id(), system.systemId())) {
        system.record(finding.table()).ifPresent(r -> r.rectifyColumns().forEach(c -> columns.add(lower(c))));
      }
    }
    return List.copyOf(columns);
  }

  /** The officer's check; bad input changes nothing and names each bad field. */
  @Transactional
  public void recordCheck(String reference, String decision, String column, String correctedValue, String statement,
      String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<Violation> bad = new ArrayList<>();
    if (!List.of(CORRECT, SUPPLEMENT, ACCURATE).contains(decision)) {
      bad.add(new Violation("accuracyDecision", "choose correct, supplementary statement or accurate"));
    } else if (CORRECT.equals(decision)) {
      if (column == null || !correctableColumns(reference).contains(lower(column))) {
        bad.add(new Violation("rectifyColumn", "choose one of " + correctableColumns(reference)));
      }
      if (correctedValue == null || correctedValue.isBlank() || correctedValue.length() > 1000) {
        bad.add(new Violation("correctedValue", "is required (at most 1000 characters)"));
      }
    } else if (statement == null || statement.isBlank()) {
      bad.add(new Violation("accuracyStatement", SUPPLEMENT.equals(decision)
          ? "is required: the supplementary statement to add"
          : "is required: the reasons why the data is accurate (the letter gives them)"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    boolean correct = CORRECT.equals(decision);
    jdbc.sql("DELETE FROM rectification_check WHERE request_id = ?").param(request.id()).update();
    jdbc.sql("DELETE FROM pending_rectification WHERE request_id = ?").param(request.id()).update();
    jdbc.sql("INSERT INTO rectification_check (request_id, decision, column_name, statement, decided_by, decided_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)")
        .params(request.id(), decision, correct ? lower(column) : null, correct ? null : statement.strip(), officer,
            clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    if (correct) {
      jdbc.sql("INSERT INTO pending_rectification (request_id, column_name, new_value) VALUES (?, ?, ?)")
          .params(request.id(), lower(column), correctedValue.strip())
          .update();
    }
  }

  @Transactional(readOnly = true)
  public Optional<Check> check(String reference) {
    return jdbc.sql("SELECT decision, column_name, statement, decided_by FROM rectification_check "
            + "WHERE request_id = ?")
        .param(lifecycle.get(reference).id())
        .query((rs, n) -> new Check(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  /** Writes the corrected value in one system, in every found record whose table declares the column. */
  @Transactional
  public void rectify(String reference, String systemId) {
    DataSubjectRequest request = lifecycle.get(reference);
    Optional<Check> check = check(reference);
    Optional<String> value = jdbc.sql("SELECT new_value FROM pending_rectification WHERE request_id = ?")
        .param(request.id()).query(String.class).optional();
    if (check.isEmpty() || value.isEmpty()) {
      return; // written in every system and cleared already
    }
    SystemId id = SystemId.of(systemId);
    SystemDeclaration system = systems.system(id);
    for (Finding finding : findings.verified(request.id(), id)) {
      boolean declared = system.record(finding.table())
          .map(r -> r.rectifyColumns().stream().anyMatch(c -> c.equalsIgnoreCase(check.get().column())))
          .orElse(false);
      if (declared) {
        changes.carryOut(request.id(), id, check.get().decidedBy() + " (accuracy check)", finding.table(),
            List.of(finding.recordId()),
            () -> systems.rectify(id, finding.table(), finding.recordId(), check.get().column(), value.get()));
      }
    }
  }

  /**
   * Records the answer; the corrected value, now written wherever it belongs, leaves the jobs' table and is kept for a
   * restore as long as backups from before it are.
   */
  @Transactional
  public void recordAnswer(String reference, String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    Locale locale = request.language().locale();
    Check check = check(reference).orElseThrow(() -> new IllegalStateException(reference + " was not checked"));
    keepForRestores(request.id());
    jdbc.sql("DELETE FROM pending_rectification WHERE request_id = ?").param(request.id()).update();
    List<String> done = new ArrayList<>();
    switch (check.decision()) {
      case CORRECT -> {
        List<String> where = findings.changes(request.id()).stream()
            .filter(c -> "RECTIFIED".equals(c.action()))
            .map(c -> systems.name(c.system(), locale))
            .distinct().toList();
        // the column as the reader knows it, inside a sentence (F7)
        String what = systems.label(check.column(), locale).toLowerCase(locale);
        done.add(where.isEmpty() ? text("rights.rectified.already", locale, what)
            : text("rights.rectified", locale, what, String.join(", ", where)));
      }
      case SUPPLEMENT -> {
        List<String> where = findings.changes(request.id()).stream()
            .filter(c -> WorkByHand.DONE.equals(c.action()))
            .map(c -> systems.name(c.system(), locale))
            .distinct().toList();
        done.add(where.isEmpty() ? text("rights.supplemented.kept", locale, check.statement())
            : text("rights.supplemented", locale, check.statement(), String.join(", ", where)));
      }
      default -> done.add(text("rights.accurate.kept", locale));
    }
    if (CORRECT.equals(check.decision())) {
      findings.changes(request.id()).stream()
          .filter(c -> WorkByHand.DONE.equals(c.action()) || WorkByHand.NOTHING_HELD.equals(c.action()))
          .forEach(c -> done.add("- " + text("rights.change." + c.action(), locale,
              systems.name(c.system(), locale), c.recordIds().size(),
              String.join(", ", systems.categories(c.system(), c.table(), c.categories(), locale)))));
    }
    done.add(answers.recipientsLine(reference, locale));
    boolean accurate = ACCURATE.equals(check.decision());
    lifecycle.recordAnswer(request, (accurate ? Outcome.REFUSED : Outcome.FULFILLED).name(),
        String.join("\n", done), accurate ? text("rights.accurate.reason", locale, check.statement()) : null,
        officer);
  }

  /** The corrected value written in any system is kept until the last backup taken before it is gone (F35). */
  private void keepForRestores(long requestId) {
    List<RequestFindings.RecordedChange> rectified = findings.changes(requestId).stream()
        .filter(c -> "RECTIFIED".equals(c.action()))
        .toList();
    if (rectified.isEmpty()) {
      return;
    }
    LocalDate lastWritten = rectified.stream().map(RequestFindings.RecordedChange::changedAt)
        .max(Instant::compareTo).orElseThrow().atZone(calendar.zone()).toLocalDate();
    LocalDate keptUntil = backups.goneFromBackupsOn(lastWritten,
        rectified.stream().map(c -> SystemId.of(c.system())).distinct().toList());
    // an answer recorded again (a re-decided check) keeps the latest value, not a key violation
    jdbc.sql("DELETE FROM rectified_value WHERE request_id = ?").param(requestId).update();
    jdbc.sql("""
            INSERT INTO rectified_value (request_id, column_name, new_value, kept_until)
            SELECT request_id, column_name, new_value, CAST(? AS DATE) FROM pending_rectification
            WHERE request_id = ?""")
        .params(keptUntil, requestId)
        .update();
  }

  /** A request's corrected column and value, while they are kept for restores. Personal data: never logged. */
  record Correction(String column, String value) {}

  @Transactional(readOnly = true)
  Optional<Correction> keptForRestores(long requestId) {
    return jdbc.sql("SELECT column_name, new_value FROM rectified_value WHERE request_id = ?")
        .param(requestId)
        .query((rs, n) -> new Correction(rs.getString(1), rs.getString(2)))
        .optional();
  }

  private List<SystemDeclaration> jdbcSystems() {
    return systems.systems().stream().filter(s -> s.accessMode() == Access.JDBC).toList();
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
