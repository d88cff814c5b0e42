package dk.mico.rightsdesk.request;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The request records and their history of steps. */
@Repository
public class Requests {

  private static final String COLUMNS =
      "id, reference, request_type, objection_scope, channel, language, received_at, original_due_date, due_date,"
          + " extended, paused_days, status, outcome, subject_name, subject_email, subject_phone, postal_address,"
          + " details, representative_name, representative_mandate_checked, identity_verified, identity_note,"
          + " answer_actions, answer_reason, closed_at, reduced_at, consents, transmit_to_name, transmit_to_email";

  /** A request as the register lists it (record keeping): no personal data. */
  public record Registered(String reference, RequestType type, Channel channel, Instant receivedAt, LocalDate dueDate,
      boolean extended, RequestStatus status, Outcome outcome, Instant closedAt) {}

  private final JdbcClient jdbc;
  /** For reads of every request: rows come from the database a batch at a time (PostgreSQL would send all at once). */
  private final JdbcTemplate batches;

  Requests(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.batches = new JdbcTemplate(dataSource);
    this.batches.setFetchSize(1000);
  }

  long insert(
      String reference,
      IntakeValidator.ValidRequest in,
      LocalDate dueDate,
      RequestStatus status,
      String statusTokenHash,
      Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            INSERT INTO dsr_request (reference, request_type, objection_scope, channel, language, received_at,
              original_due_date, due_date, status, subject_name, subject_email, subject_phone, postal_address,
              details, representative_name, representative_mandate_checked, identity_verified, identity_note,
              status_token_hash, created_at, consents, transmit_to_name,
              transmit_to_email)
            VALUES (:reference, :type, :scope, :channel, :language, :receivedAt, :dueDate, :dueDate, :status, :name,
              :email, :phone, :postalAddress, :details, :representativeName, :mandateChecked, :identityVerified,
              :identityNote, :statusTokenHash, :now, :consents, :transmitToName,
              :transmitToEmail)""")
        .param("reference", reference)
        .param("type", in.type().name())
        .param("scope", in.objectionScope() == null ? null : in.objectionScope().name())
        .param("channel", in.channel().name())
        .param("language", in.language().name())
        .param("receivedAt", utc(in.receivedAt()))
        .param("dueDate", dueDate)
        .param("status", status.name())
        .param("name", in.subject().name())
        .param("email", in.subject().email())
        .param("phone", in.subject().phone())
        .param("postalAddress", in.subject().postalAddress())
        .param("details", in.details())
        .param("representativeName", in.representative() == null ? null : in.representative().name())
        .param("mandateChecked", in.representative() == null ? null : in.representative().mandateChecked())
        .param("identityVerified", in.identityVerified())
        .param("identityNote", in.identityNote())
        .param("statusTokenHash", statusTokenHash)
        .param("now", utc(now))
        .param("consents", in.consents().isEmpty() ? null : String.join(",", in.consents()))
        .param("transmitToName", in.transmitTo() == null ? null : in.transmitTo().name())
        .param("transmitToEmail", in.transmitTo() == null ? null : in.transmitTo().email())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<DataSubjectRequest> findByReference(String reference) {
    return findOne("reference", reference);
  }

  public Optional<DataSubjectRequest> findById(long id) {
    return findOne("id", id);
  }

  public Optional<DataSubjectRequest> findByStatusTokenHash(String hash) {
    return findOne("status_token_hash", hash);
  }

  private Optional<DataSubjectRequest> findOne(String uniqueColumn, Object value) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM dsr_request WHERE " + uniqueColumn + " = ?")
        .param(value)
        .query(ROW)
        .optional();
  }

  public List<DataSubjectRequest> list(boolean openOnly) {
    String where = openOnly ? " WHERE status <> 'CLOSED'" : "";
    return jdbc.sql("SELECT " + COLUMNS + " FROM dsr_request" + where + " ORDER BY due_date, reference")
        .query(ROW)
        .list();
  }

  /**
   * Every request, earliest deadline first, handed over one at a time as the database returns them, so that 100,000
   * requests are never in memory at once; in a transaction (PostgreSQL reads in batches only inside one).
   */
  public void eachRegistered(Consumer<Registered> consumer) {
    batches.query("SELECT reference, request_type, channel, received_at, due_date, extended, status, outcome,"
        + " closed_at FROM dsr_request ORDER BY due_date, reference", (RowCallbackHandler) rs -> consumer.accept(
            new Registered(rs.getString("reference"), RequestType.valueOf(rs.getString("request_type")),
                Channel.valueOf(rs.getString("channel")), instant(rs, "received_at"),
                rs.getObject("due_date", LocalDate.class), rs.getBoolean("extended"),
                RequestStatus.valueOf(rs.getString("status")), enumOrNull(Outcome.class, rs.getString("outcome")),
                instant(rs, "closed_at"))));
  }

  /** The requests with these references (at most 1,000), in no particular order. */
  public List<DataSubjectRequest> findByReferences(Collection<String> references) {
    if (references.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM dsr_request WHERE reference IN (:references)")
        .param("references", references)
        .query(ROW)
        .list();
  }

  void updateStatus(long id, RequestStatus status) {
    jdbc.sql("UPDATE dsr_request SET status = ? WHERE id = ?").param(status.name()).param(id).update();
  }

  void setStatusTokenHash(long id, String hash) {
    jdbc.sql("UPDATE dsr_request SET status_token_hash = ? WHERE id = ?").param(hash).param(id).update();
  }

  void recordIdentity(long id, boolean verified, String note) {
    jdbc.sql("UPDATE dsr_request SET identity_verified = ?, identity_note = ? WHERE id = ?")
        .param(verified)
        .param(note)
        .param(id)
        .update();
  }

  /** Why identity could not be verified: what was missing (for the letter) and why asking more was futile, if so. */
  void recordUnverifiable(long id, String missing, String futileReason) {
    jdbc.sql("UPDATE dsr_request SET identity_missing = ?, identity_request_futile = ? WHERE id = ?")
        .params(missing, futileReason, id)
        .update();
  }

  Optional<String> identityMissing(long id) {
    return jdbc.sql("SELECT identity_missing FROM dsr_request WHERE id = ?").param(id).query(String.class)
        .list().stream().filter(java.util.Objects::nonNull).findFirst();
  }

  void recordAnswer(long id, Outcome outcome, String actions, String reason) {
    jdbc.sql("UPDATE dsr_request SET outcome = ?, answer_actions = ?, answer_reason = ? WHERE id = ?")
        .param(outcome.name())
        .param(actions)
        .param(reason)
        .param(id)
        .update();
  }

  /** What the subject wrote, with the text of a duplicate submission added. */
  void replaceDetails(long id, String details) {
    jdbc.sql("UPDATE dsr_request SET details = ? WHERE id = ?").params(details, id).update();
  }

  /** Empties the subject's free text, which may name data that has since been erased. */
  boolean clearDetails(long id) {
    return jdbc.sql("UPDATE dsr_request SET details = NULL WHERE id = ? AND details IS NOT NULL").param(id)
        .update() > 0;
  }

  void recordOutcome(long id, Outcome outcome) {
    jdbc.sql("UPDATE dsr_request SET outcome = ? WHERE id = ?").param(outcome.name()).param(id).update();
  }

  /** Closes the request; returns false when it was closed already (a job that runs again changes nothing). */
  boolean close(long id, Outcome outcome, Instant now) {
    return jdbc.sql("UPDATE dsr_request SET status = 'CLOSED', outcome = ?, closed_at = ? "
            + "WHERE id = ? AND status <> 'CLOSED'")
        .param(outcome.name())
        .param(utc(now))
        .param(id)
        .update() == 1;
  }

  void addStep(long requestId, Instant at, String step, String actor, String note) {
    jdbc.sql("INSERT INTO dsr_request_step (request_id, occurred_at, step, actor, note) VALUES (?, ?, ?, ?, ?)")
        .params(requestId, utc(at), step, actor, note)
        .update();
  }

  public List<RequestStep> steps(long requestId) {
    return jdbc.sql("SELECT occurred_at, step, actor, note FROM dsr_request_step WHERE request_id = ? "
            + "ORDER BY occurred_at, id")
        .param(requestId)
        .query((rs, n) -> new RequestStep(instant(rs, "occurred_at"), rs.getString("step"), rs.getString("actor"),
            rs.getString("note")))
        .list();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
    return value == null ? null : Enum.valueOf(type, value);
  }

  private static final RowMapper<DataSubjectRequest> ROW = (rs, n) -> {
    String representativeName = rs.getString("representative_name");
    return new DataSubjectRequest(
        rs.getLong("id"),
        rs.getString("reference"),
        RequestType.valueOf(rs.getString("request_type")),
        enumOrNull(ObjectionScope.class, rs.getString("objection_scope")),
        Channel.valueOf(rs.getString("channel")),
        Language.valueOf(rs.getString("language")),
        instant(rs, "received_at"),
        rs.getObject("original_due_date", LocalDate.class),
        rs.getObject("due_date", LocalDate.class),
        rs.getBoolean("extended"),
        rs.getInt("paused_days"),
        RequestStatus.valueOf(rs.getString("status")),
        enumOrNull(Outcome.class, rs.getString("outcome")),
        new Subject(rs.getString("subject_name"), rs.getString("subject_email"), rs.getString("subject_phone"),
            rs.getString("postal_address")),
        rs.getString("details"),
        representativeName == null
            ? null
            : new Representative(representativeName, rs.getBoolean("representative_mandate_checked")),
        rs.getBoolean("identity_verified"),
        rs.getString("identity_note"),
        rs.getString("answer_actions"),
        rs.getString("answer_reason"),
        instant(rs, "closed_at"),
        instant(rs, "reduced_at"),
        rs.getString("consents") == null ? List.of() : List.of(rs.getString("consents").split(",")),
        rs.getString("transmit_to_name") == null ? null
            : new ReceivingController(rs.getString("transmit_to_name"), rs.getString("transmit_to_email")));
  };

}
