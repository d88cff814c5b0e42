package dk.mico.rightsdesk.retention;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.fulfilment.Proposal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a closed request's record when its retention has run out (gdpr-rules.md §4, Decision: 5 years after the
 * request closes, a setting): the request, its steps, letters, confirmation links, findings and changes, and what an
 * access answer gathered and delivered. The engine's
 * history of the same request goes by the processes' historyTimeToLive and Camunda's history cleanup. Suppression
 * entries live in the company's systems and stay as long as the objection stands. An e-mail to the GDPR mailbox goes
 * with the last request made from it or attached to it; one found to be no request is kept as long as a closed
 * request (it is the record of why no request was made: a setting of its own), then deleted.
 */
@Service
public class RecordRetention {

  private static final Logger log = LoggerFactory.getLogger(RecordRetention.class);
  private static final Period ERASURE_RETRIES = Period.ofDays(30);

  /** Everything kept per request, children first. */
  private static final List<String> CHILD_TABLES =
      List.of("letter", "email_confirmation", "dsr_request_step", "request_finding", "request_change",
          // access and portability: their passages and files go with them (ON DELETE CASCADE)
          "access_record", "access_review", "delivery",
          "dsr_identity_information_request", "staff_notice", "request_identifier");

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Duration retention;
  private final Duration dismissedEmails;
  private final Clock clock;
  private final LegalCalendar calendar;

  RecordRetention(JdbcClient jdbc, TransactionTemplate transactions,
      @Value("${rightsdesk.retention.closed-requests:P1826D}") Duration retention,
      @Value("${rightsdesk.retention.dismissed-emails:P1826D}") Duration dismissedEmails, Clock clock,
      LegalCalendar calendar) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.retention = retention;
    this.dismissedEmails = dismissedEmails;
    this.clock = clock;
    this.calendar = calendar;
  }

  /** Every night; each node may run it, since deleting what is gone changes nothing. */
  @Scheduled(cron = "${rightsdesk.retention.schedule:0 30 2 * * *}", zone = "Europe/Copenhagen")
  public void deleteExpired() {
    Instant cutoff = clock.instant().minus(retention);
    // a record kept for a legal period (an invoice under the bookkeeping act) can outlast the request's own
    // retention: the request stays until its scheduled erasure has run, with a month to spare for retries
    LocalDate erasureRunBy = calendar.receiptDate(clock.instant()).minus(ERASURE_RETRIES);
    List<Long> expired = jdbc.sql("""
            SELECT r.id FROM dsr_request r WHERE r.status = 'CLOSED' AND r.closed_at < :cutoff
            AND NOT EXISTS (SELECT 1 FROM request_proposal p WHERE p.request_id = r.id
                AND p.proposal = 'KEEP' AND COALESCE(p.decision, p.proposal) = 'KEEP' AND p.reason = :retentionRunning
                AND p.kept_until >= :erasureRunBy)""")
        .param("retentionRunning", Proposal.RETENTION_RUNNING)
        .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
        .param("erasureRunBy", erasureRunBy)
        .query(Long.class)
        .list();
    expired.forEach(id -> transactions.executeWithoutResult(status -> delete(id)));
    if (!expired.isEmpty()) {
      log.info("Deleted {} request record(s) closed before {}", expired.size(), cutoff);
    }
    deleteExpiredEmails();
  }

  /** Dismissed e-mails past their retention, and e-mails whose requests are all gone. */
  private void deleteExpiredEmails() {
    List<Long> expired = jdbc.sql("""
            SELECT e.id FROM inbound_email e WHERE (e.state = 'NOT_A_REQUEST' AND e.handled_at < :cutoff)
            OR (e.state IN ('REGISTERED', 'ATTACHED') AND NOT EXISTS (SELECT 1 FROM inbound_email_request l
                JOIN dsr_request r ON r.reference = l.reference WHERE l.inbound_email_id = e.id))""")
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

  private void delete(long requestId) {
    for (String table : CHILD_TABLES) {
      jdbc.sql("DELETE FROM " + table + " WHERE request_id = ?").param(requestId).update();
    }
    jdbc.sql("DELETE FROM dsr_request WHERE id = ?").param(requestId).update();
  }
}
