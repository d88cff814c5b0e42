package dk.mico.rightsdesk.retention;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.request.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reduces a closed request's record to a minimal log once the full record is no longer needed (F36: 3 years after the
 * request closes, the ordinary Danish limitation period, forældelseslovens § 3, a setting), and deletes that log when
 * its retention has run out (gdpr-rules.md §4, Decision: 5 years after the request closes, a setting). The minimal log
 * is the request's reference, right, channel, dates, extension, outcome and steps without free text: what shows
 * (Art 5(2)) that a request was answered and when. Reducing removes the subject's contact data and what they wrote,
 * the letters, confirmation links, findings and changes, and what an access answer gathered and delivered. The engine's
 * history of the same request goes by the processes' historyTimeToLive and Camunda's history cleanup. Suppression
 * entries live in the company's systems and stay as long as the objection stands. An e-mail to the GDPR mailbox (it
 * holds what the subject wrote) goes when the last request made from it or attached to it is reduced; one found to be
 * no request is kept as long as a closed request (it is the record of why no request was made: a setting of its
 * own), then deleted.
 */
@Service
public class RecordRetention {

  private static final Logger log = LoggerFactory.getLogger(RecordRetention.class);
  private static final Period ERASURE_RETRIES = Period.ofDays(30);

  /** Everything kept per request beyond the minimal log, each holding personal data or free text about the subject. */
  private static final List<String> PERSONAL_TABLES =
      List.of("letter", "email_confirmation", "request_finding", "request_change", "request_change_in_flight",
          // access and portability: their passages and files go with them (ON DELETE CASCADE)
          "access_record", "access_review", "delivery",
          "dsr_identity_information_request", "staff_notice", "request_identifier",
          // the legal-basis review's proposals and decisions name the subject's records and values
          "request_proposal", "pending_rectification", "recipient_notice", "restriction_lift", "objection_balancing",
          "rectification_check", "rectified_value");

  /**
   * Steps whose note Rights Desk writes itself from codes, dates, counts and references; every other note may be an
   * officer's free text (a fee note, a refusal note) that could name the subject, and is blanked on reducing.
   */
  private static final List<String> STEPS_WITH_CODED_NOTES = Stream.of(Step.RECEIVED, Step.CLOSED,
          Step.ANSWER_RECORDED, Step.REFUSED_UNDER_ART_12_5, Step.EXTENDED, Step.OVERDUE, Step.CLOCK_RESUMED,
          Step.DUPLICATE_OF, Step.DETAILS_ADDED_FROM_DUPLICATE, Step.DETAILS_CARRIED_TO_OPEN_REQUEST,
          Step.LINKED_TO_SUBMISSION)
      .map(Step::name)
      .toList();

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Duration fullRecord;
  private final Duration retention;
  private final Duration dismissedEmails;
  private final Clock clock;
  private final LegalCalendar calendar;

  RecordRetention(JdbcClient jdbc, TransactionTemplate transactions,
      @Value("${rightsdesk.retention.full-record:P1096D}") Duration fullRecord,
      @Value("${rightsdesk.retention.closed-requests:P1826D}") Duration retention,
      @Value("${rightsdesk.retention.dismissed-emails:P1826D}") Duration dismissedEmails, Clock clock,
      LegalCalendar calendar) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.fullRecord = fullRecord;
    this.retention = retention;
    this.dismissedEmails = dismissedEmails;
    this.clock = clock;
    this.calendar = calendar;
  }

  /**
   * Every night; each node may run it, since reducing what is reduced and deleting what is gone changes nothing.
   * Reduction runs first, so a request past both periods at once is deleted the same night.
   */
  @Scheduled(cron = "${rightsdesk.retention.schedule:0 30 2 * * *}", zone = "Europe/Copenhagen")
  public void deleteExpired() {
    Instant reduceBefore = clock.instant().minus(fullRecord);
    List<Long> toReduce = closedBefore(reduceBefore, "r.reduced_at IS NULL");
    toReduce.forEach(id -> transactions.executeWithoutResult(status -> reduce(id)));
    if (!toReduce.isEmpty()) {
      log.info("Reduced {} request record(s) closed before {} to their minimal log", toReduce.size(), reduceBefore);
    }
    Instant cutoff = clock.instant().minus(retention);
    List<Long> expired = closedBefore(cutoff, "TRUE");
    expired.forEach(id -> transactions.executeWithoutResult(status -> delete(id)));
    if (!expired.isEmpty()) {
      log.info("Deleted {} request record(s) closed before {}", expired.size(), cutoff);
    }
    deleteExpiredEmails();
    deleteRectifiedValuesPastBackups();
  }

  /** A corrected value is kept for restores only while a backup from before the correction may exist (F35). */
  private void deleteRectifiedValuesPastBackups() {
    int deleted = jdbc.sql("DELETE FROM rectified_value WHERE kept_until < ?")
        .param(calendar.receiptDate(clock.instant()))
        .update();
    if (deleted > 0) {
      log.info("Deleted {} corrected value(s) kept for restores: their backups are gone", deleted);
    }
  }

  /** Closed requests closed before the cutoff that also meet the condition (a fixed SQL fragment). */
  private List<Long> closedBefore(Instant cutoff, String condition) {
    // a record kept for a legal period (an invoice under the bookkeeping act) can outlast the request's own
    // retention: the request stays whole until its scheduled erasure has run (it names what to erase), with a month
    // to spare for retries
    LocalDate erasureRunBy = calendar.receiptDate(clock.instant()).minus(ERASURE_RETRIES);
    return jdbc.sql("""
            SELECT r.id FROM dsr_request r WHERE r.status = 'CLOSED' AND r.closed_at < :cutoff AND %s
            AND NOT EXISTS (SELECT 1 FROM request_proposal p WHERE p.request_id = r.id
                AND p.proposal = 'KEEP' AND COALESCE(p.decision, p.proposal) = 'KEEP' AND p.reason = :retentionRunning
                AND p.kept_until >= :erasureRunBy)""".formatted(condition))
        .param("retentionRunning", Proposal.RETENTION_RUNNING)
        .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
        .param("erasureRunBy", erasureRunBy)
        .query(Long.class)
        .list();
  }

  /** Dismissed e-mails past their retention, and e-mails whose requests are all reduced or gone. */
  private void deleteExpiredEmails() {
    List<Long> expired = jdbc.sql("""
            SELECT e.id FROM inbound_email e WHERE (e.state = 'NOT_A_REQUEST' AND e.handled_at < :cutoff)
            OR (e.state IN ('REGISTERED', 'ATTACHED') AND NOT EXISTS (SELECT 1 FROM inbound_email_request l
                JOIN dsr_request r ON r.reference = l.reference WHERE l.inbound_email_id = e.id
                AND r.reduced_at IS NULL))""")
        .param("cutoff", clock.instant().minus(dismissedEmails).atOffset(ZoneOffset.UTC))
        .query(Long.class)
        .list();
    expired.forEach(id -> transactions.executeWithoutResult(status -> {
      jdbc.sql("DELETE FROM inbound_email_request WHERE inbound_email_id = ?").param(id).update();
      jdbc.sql("DELETE FROM inbound_email WHERE id = ?").param(id).update();
    }));
    if (!expired.isEmpty()) {
      log.info("Deleted {} e-mail(s) of the GDPR mailbox", expired.size());
    }
  }

  /** Keeps the minimal log: every column and row that may hold personal data or free text goes. */
  private void reduce(long requestId) {
    for (String table : PERSONAL_TABLES) {
      jdbc.sql("DELETE FROM " + table + " WHERE request_id = ?").param(requestId).update();
    }
    jdbc.sql("UPDATE dsr_request_step SET note = NULL WHERE request_id = :id AND step NOT IN (:coded)")
        .param("id", requestId)
        .param("coded", STEPS_WITH_CODED_NOTES)
        .update();
    jdbc.sql("""
            UPDATE dsr_request SET subject_name = NULL, subject_email = NULL, subject_phone = NULL,
              postal_address = NULL, details = NULL, representative_name = NULL, identity_note = NULL,
              identity_missing = NULL, identity_request_futile = NULL, status_token_hash = NULL,
              answer_actions = NULL, answer_reason = NULL, art12_5_facts = NULL, extension_reason = NULL,
              transmit_to_name = NULL, transmit_to_email = NULL, reduced_at = :now
            WHERE id = :id AND reduced_at IS NULL""")
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", requestId)
        .update();
  }

  private void delete(long requestId) {
    for (String table : PERSONAL_TABLES) {
      jdbc.sql("DELETE FROM " + table + " WHERE request_id = ?").param(requestId).update();
    }
    jdbc.sql("DELETE FROM dsr_request_step WHERE request_id = ?").param(requestId).update();
    jdbc.sql("DELETE FROM dsr_request WHERE id = ?").param(requestId).update();
  }
}
