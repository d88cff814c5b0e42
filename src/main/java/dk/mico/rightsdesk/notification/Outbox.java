package dk.mico.rightsdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mail that waits to be delivered (V21__mail_outbox.sql). Queuing is part of the caller's transaction: the step
 * that decides to send commits the mail with its decision, and the {@link OutboxSender} delivers it afterwards.
 */
@Repository
class Outbox {

  private static final String COLUMNS = "id, mail_key, letter_id, recipient, subject_line, body, attempts,"
      + " first_failed_at, alarm_handle";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  Outbox(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Queues a mail once per key while it waits; callers keep their own record of what they sent (the letter archive,
   * the staff notices, the recipient notices), which stays after the delivered mail is removed. Two nodes at once
   * collide on the key's unique index, and the loser's job is retried.
   */
  void queue(String key, Long letterId, String to, String subjectLine, String body, Instant now) {
    boolean known = jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE mail_key = ?").param(key)
        .query(Integer.class).single() > 0;
    if (known) {
      return;
    }
    jdbc.sql("""
            INSERT INTO mail_outbox (mail_key, letter_id, recipient, subject_line, body, queued_at, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(key, letterId, to, subjectLine, body, utc(now), utc(now))
        .update();
    events.publishEvent(new MailQueued());
  }

  /** A mail was queued; once its transaction commits, the sender may deliver it without waiting for its poll. */
  record MailQueued() { }

  /** The ids of mails due for a try and held by no live sender, in the order they were queued. */
  List<Long> due(Instant now, int limit) {
    return jdbc.sql("""
            SELECT id FROM mail_outbox
            WHERE next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
            ORDER BY id
            FETCH FIRST ? ROWS ONLY""")
        .params(utc(now), utc(now), limit)
        .query(Long.class)
        .list();
  }

  /**
   * Takes for this holder those of the mails that are due and that no live holder has, in one statement (one commit
   * for a whole batch); answers the mails taken, in the order they were queued. The holder must be new to this call:
   * the mails are read back by it.
   */
  List<QueuedMail> claim(List<Long> ids, String holder, Instant now, Instant until) {
    if (ids.isEmpty()) {
      return List.of();
    }
    int taken = jdbc.sql("""
            UPDATE mail_outbox SET claimed_by = :holder, claimed_until = :until
            WHERE id IN (:ids) AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :now)""")
        .param("holder", holder).param("until", utc(until)).param("ids", ids).param("now", utc(now))
        .update();
    return taken == 0 ? List.of()
        : jdbc.sql("SELECT " + COLUMNS + " FROM mail_outbox WHERE id IN (:ids) AND claimed_by = :holder ORDER BY id")
            .param("ids", ids).param("holder", holder)
            .query(this::map).list();
  }

  /** Removes a delivered mail, and with it the only copy of its secrets; answers false if another sender took it. */
  boolean remove(long id, String sender) {
    return jdbc.sql("DELETE FROM mail_outbox WHERE id = ? AND claimed_by = ?").params(id, sender).update() == 1;
  }

  /** Gives back mails this sender took and did not try, as they were: due, and free for any sender. */
  void release(List<Long> ids, String sender) {
    jdbc.sql("""
            UPDATE mail_outbox SET claimed_by = NULL, claimed_until = NULL
            WHERE id IN (:ids) AND claimed_by = :sender""")
        .param("ids", ids).param("sender", sender)
        .update();
  }

  void failed(long id, String sender, String failure, Instant now, Instant nextAttempt) {
    jdbc.sql("""
            UPDATE mail_outbox SET attempts = attempts + 1, first_failed_at = COALESCE(first_failed_at, ?),
              last_failure = ?, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL
            WHERE id = ? AND claimed_by = ?""")
        .params(utc(now), failure, utc(nextAttempt), id, sender)
        .update();
  }

  void alarmRaised(long id, String alarmHandle) {
    jdbc.sql("UPDATE mail_outbox SET alarm_handle = ? WHERE id = ?").params(alarmHandle, id).update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private QueuedMail map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime firstFailed = rs.getObject("first_failed_at", OffsetDateTime.class);
    return new QueuedMail(rs.getLong("id"), rs.getString("mail_key"), rs.getObject("letter_id", Long.class),
        rs.getString("recipient"), rs.getString("subject_line"), rs.getString("body"), rs.getInt("attempts"),
        firstFailed == null ? null : firstFailed.toInstant(), rs.getString("alarm_handle"));
  }

  /** A mail taken for delivery. */
  record QueuedMail(long id, String key, Long letterId, String to, String subjectLine, String body, int attempts,
      Instant firstFailedAt, String alarmHandle) {}

}
