package dk.mico.rightsdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every letter sent or printed for a request, kept with the request (Art 5(2): proof of what was said). */
@Repository
public class LetterArchive {

  private static final String COLUMNS = "l.id, r.reference, l.letter_key, l.kind, l.delivery, l.recipient,"
      + " l.subject_line, l.body, l.state, l.composed_at, l.delivered_at";
  private static final String FROM = " FROM letter l JOIN dsr_request r ON r.id = l.request_id";

  private final JdbcClient jdbc;

  LetterArchive(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Letter> findByKey(String key) {
    return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE l.letter_key = ?").param(key).query(this::map).optional();
  }

  public Optional<Letter> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE l.id = ?").param(id).query(this::map).optional();
  }

  public List<Letter> forRequest(String reference) {
    return jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE r.reference = ? ORDER BY l.composed_at, l.id")
        .param(reference)
        .query(this::map)
        .list();
  }

  long insert(long requestId, String key, LetterKind kind, String language, Letter.Delivery delivery,
      String recipient, String subjectLine, String body, Instant now) {
    jdbc.sql("""
            INSERT INTO letter (request_id, letter_key, kind, language, delivery, recipient, subject_line, body, state,
              composed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'COMPOSED', ?)""")
        .params(requestId, key, kind.name(), language, delivery.name(), recipient, subjectLine, body, utc(now))
        .update();
    return jdbc.sql("SELECT id FROM letter WHERE letter_key = ?").param(key).query(Long.class).single();
  }

  void markState(long id, Letter.State state, Instant at, String by) {
    jdbc.sql("UPDATE letter SET state = ?, delivered_at = ?, delivered_by = ? WHERE id = ?")
        .params(state.name(), at == null ? null : utc(at), by, id)
        .update();
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private Letter map(ResultSet rs, int row) throws SQLException {
    OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
    return new Letter(
        rs.getLong("id"),
        rs.getString("reference"),
        rs.getString("letter_key"),
        LetterKind.valueOf(rs.getString("kind")),
        Letter.Delivery.valueOf(rs.getString("delivery")),
        rs.getString("recipient"),
        rs.getString("subject_line"),
        rs.getString("body"),
        Letter.State.valueOf(rs.getString("state")),
        rs.getObject("composed_at", OffsetDateTime.class).toInstant(),
        delivered == null ? null : delivered.toInstant());
  }
}
