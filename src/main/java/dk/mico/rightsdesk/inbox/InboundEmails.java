package dk.mico.rightsdesk.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The e-mails of the GDPR mailbox (table inbound_email) and the requests made from them. */
@Repository
class InboundEmails {

  private static final String COLUMNS = "id, received_at, sender_email, sender_name, subject, body_text, attachments,"
      + " parsed, suggested_type, language, state, dismissal_reason, officer_note";

  private final JdbcClient jdbc;

  InboundEmails(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  boolean exists(String messageKey) {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_email WHERE message_key = ?").param(messageKey)
        .query(Long.class).single() > 0;
  }

  long insert(ReceivedEmail email, Suggestion suggestion, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO inbound_email (message_key, mailbox_uid, uid_validity, received_at, sender_email,"
            + " sender_name, subject, body_text, attachments, parsed, suggested_type, language, state, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(email.messageKey(), email.mailboxUid(), email.uidValidity(), utc(email.receivedAt()),
            email.senderEmail(), email.senderName(), email.subject(), email.text(), email.attachments(),
            email.parsed(), suggestion.type(), suggestion.language(), InboxState.NEW.name(), utc(now))
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<InboundEmail> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM inbound_email WHERE id = ?").param(id)
        .query((rs, n) -> email(rs, references(List.of(id)).getOrDefault(id, List.of())))
        .optional();
  }

  /** Where the message sits in the mailbox, to flag it there. */
  Optional<MailboxPosition> position(long id) {
    return jdbc.sql("SELECT message_key, mailbox_uid, uid_validity FROM inbound_email WHERE id = ?").param(id)
        .query((rs, n) -> new MailboxPosition(rs.getString("message_key"), rs.getLong("mailbox_uid"),
            rs.getLong("uid_validity")))
        .optional();
  }

  record MailboxPosition(String messageKey, long uid, long uidValidity) {}

  /** The e-mails in one state, oldest first, with their references read in one query. */
  List<InboundEmail> list(InboxState state, int limit) {
    List<Long> ids = new ArrayList<>();
    List<InboundEmail> bare = jdbc.sql("SELECT " + COLUMNS + " FROM inbound_email WHERE state = ?"
            + " ORDER BY received_at, id FETCH FIRST " + limit + " ROWS ONLY")
        .param(state.name())
        .query((rs, n) -> {
          ids.add(rs.getLong("id"));
          return email(rs, List.of());
        })
        .list();
    Map<Long, List<String>> references = references(ids);
    return bare.stream().map(e -> new InboundEmail(e.id(), e.receivedAt(), e.senderEmail(), e.senderName(),
        e.subject(), e.text(), e.attachments(), e.parsed(), e.suggestedType(), e.language(), e.state(),
        e.dismissalReason(), e.officerNote(), references.getOrDefault(e.id(), List.of()))).toList();
  }

  Map<InboxState, Long> counts() {
    Map<InboxState, Long> counts = new EnumMap<>(InboxState.class);
    for (InboxState state : InboxState.values()) {
      counts.put(state, 0L);
    }
    jdbc.sql("SELECT state, COUNT(*) AS n FROM inbound_email GROUP BY state")
        .query(rs -> {
          counts.put(InboxState.valueOf(rs.getString("state")), rs.getLong("n"));
        });
    return counts;
  }

  /**
   * Moves a NEW e-mail to its final state; false when it was handled already (by another officer, or the API). The
   * condition on the state makes two officers acting at once safe: one wins, the other changes nothing.
   */
  boolean handle(long id, InboxState state, String dismissalReason, String officer, Instant now) {
    return jdbc.sql("UPDATE inbound_email SET state = ?, dismissal_reason = ?, handled_by = ?, handled_at = ?"
            + " WHERE id = ? AND state = ?")
        .params(state.name(), dismissalReason, officer, utc(now), id, InboxState.NEW.name())
        .update() == 1;
  }

  /** Every e-mail marked "not a request", oldest first. */
  List<Dismissal> dismissals() {
    return jdbc.sql("SELECT id, received_at, handled_at FROM inbound_email WHERE state = ? ORDER BY received_at, id")
        .param(InboxState.NOT_A_REQUEST.name())
        .query((rs, n) -> new Dismissal(rs.getLong("id"), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
            rs.getObject("handled_at", OffsetDateTime.class).toInstant()))
        .list();
  }

  void note(long id, String note) {
    jdbc.sql("UPDATE inbound_email SET officer_note = ? WHERE id = ?").params(note, id).update();
  }

  void addReferences(long id, List<String> references) {
    for (String reference : references) {
      jdbc.sql("INSERT INTO inbound_email_request (inbound_email_id, reference) VALUES (?, ?)")
          .params(id, reference).update();
    }
  }

  private Map<Long, List<String>> references(List<Long> ids) {
    Map<Long, List<String>> byId = new HashMap<>();
    if (ids.isEmpty()) {
      return byId;
    }
    jdbc.sql("SELECT inbound_email_id, reference FROM inbound_email_request WHERE inbound_email_id IN (:ids)"
            + " ORDER BY reference")
        .param("ids", ids)
        .query(rs -> {
          byId.computeIfAbsent(rs.getLong("inbound_email_id"), k -> new ArrayList<>()).add(rs.getString("reference"));
        });
    return byId;
  }

  private static InboundEmail email(ResultSet rs, List<String> references) throws SQLException {
    return new InboundEmail(rs.getLong("id"), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
        rs.getString("sender_email"), rs.getString("sender_name"), rs.getString("subject"),
        rs.getString("body_text"), rs.getString("attachments"), rs.getBoolean("parsed"),
        rs.getString("suggested_type"), rs.getString("language"), InboxState.valueOf(rs.getString("state")),
        rs.getString("dismissal_reason"), rs.getString("officer_note"), references);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
