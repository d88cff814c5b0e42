package dk.mico.rightsdesk.request;

import static dk.mico.rightsdesk.request.Requests.instant;
import static dk.mico.rightsdesk.request.Requests.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the deadline watch and the Art 12 outcomes add to a request record: overdue, extension, duplicate,
 * forwarding and fee. Read apart from the record itself, which stays as the intake made it.
 */
@Repository
public class RequestMarks {

  /** The marks of one request. */
  public record Marks(Instant overdueSince, Instant extendedAt, ExtensionReason extensionReasonCode,
      String extensionReason, String duplicateOf, String forwardedTo, boolean forwardedInPart, Integer feeAnnounced,
      RequestOutcomes.RefusalGround art12Ground, String art12Facts) {}

  private final JdbcClient jdbc;

  RequestMarks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String MARK_COLUMNS = "overdue_since, extended_at, extension_reason_code, extension_reason,"
      + " duplicate_of, forwarded_to, forwarded_in_part, fee_announced, art12_5_ground, art12_5_facts";

  public Marks of(long requestId) {
    return jdbc.sql("SELECT " + MARK_COLUMNS + " FROM dsr_request WHERE id = ?")
        .param(requestId)
        .query((rs, n) -> marks(rs))
        .single();
  }

  /** The marks of many requests in one read, by request id (a list of requests needs no query per row). */
  public Map<Long, Marks> of(Collection<Long> requestIds) {
    if (requestIds.isEmpty()) {
      return Map.of();
    }
    Map<Long, Marks> byId = new HashMap<>();
    jdbc.sql("SELECT id, " + MARK_COLUMNS + " FROM dsr_request WHERE id IN (:ids)")
        .param("ids", requestIds)
        .query(rs -> {
          byId.put(rs.getLong("id"), marks(rs));
        });
    return byId;
  }

  private static Marks marks(ResultSet rs) throws SQLException {
    return new Marks(instant(rs, "overdue_since"), instant(rs, "extended_at"),
        rs.getString("extension_reason_code") == null ? null
            : ExtensionReason.valueOf(rs.getString("extension_reason_code")),
        rs.getString("extension_reason"), rs.getString("duplicate_of"), rs.getString("forwarded_to"),
        rs.getBoolean("forwarded_in_part"),
        (Integer) rs.getObject("fee_announced"),
        rs.getString("art12_5_ground") == null ? null
            : RequestOutcomes.RefusalGround.valueOf(rs.getString("art12_5_ground")),
        rs.getString("art12_5_facts"));
  }

  /** Only the first extension counts: false when the request was extended already. */
  boolean extend(long requestId, LocalDate dueDate, ExtensionReason code, String reason, Instant now) {
    return jdbc.sql("UPDATE dsr_request SET extended = TRUE, due_date = ?, extension_reason_code = ?,"
            + " extension_reason = ?, extended_at = ? WHERE id = ? AND extended = FALSE")
        .params(dueDate, code.name(), reason, utc(now), requestId)
        .update() == 1;
  }

  /** False when the request was marked overdue already. */
  boolean markOverdue(long requestId, Instant since) {
    return jdbc.sql("UPDATE dsr_request SET overdue_since = ? WHERE id = ? AND overdue_since IS NULL")
        .params(utc(since), requestId)
        .update() == 1;
  }

  void clearOverdue(long requestId) {
    jdbc.sql("UPDATE dsr_request SET overdue_since = NULL WHERE id = ?").param(requestId).update();
  }

  void moveDueDate(long requestId, LocalDate dueDate, int pausedDays) {
    jdbc.sql("UPDATE dsr_request SET due_date = ?, paused_days = ? WHERE id = ?")
        .params(dueDate, pausedDays, requestId)
        .update();
  }

  void markDuplicate(long requestId, String openReference) {
    jdbc.sql("UPDATE dsr_request SET duplicate_of = ? WHERE id = ?").params(openReference, requestId).update();
  }

  void markForwarded(long requestId, String customerId, boolean inPart) {
    jdbc.sql("UPDATE dsr_request SET forwarded_to = ?, forwarded_in_part = ? WHERE id = ?")
        .params(customerId, inPart, requestId).update();
  }

  /** The officer's reason for a letter that is not the answer (the fee announced): the letter gives it. */
  void recordReason(long requestId, String reason) {
    jdbc.sql("UPDATE dsr_request SET answer_reason = ? WHERE id = ?").params(reason, requestId).update();
  }

  void markFeeAnnounced(long requestId, int amount) {
    jdbc.sql("UPDATE dsr_request SET fee_announced = ? WHERE id = ?").params(amount, requestId).update();
  }

  /**
   * The Art 12(5) ground of a refusal or a fee, as a code (each letter words it in its own language), with the facts
   * that show a request excessive.
   */
  void markArt12Ground(long requestId, RequestOutcomes.RefusalGround ground, String facts) {
    jdbc.sql("UPDATE dsr_request SET art12_5_ground = ?, art12_5_facts = ? WHERE id = ?")
        .params(ground.name(), facts, requestId).update();
  }

  /**
   * The open request of the same person (same e-mail address) for the same right, other than this one. An objection
   * to direct marketing and a general one are different rights here: the first must act at once (Art 21(3)).
   */
  public Optional<String> openRequestFor(String email, RequestType type, ObjectionScope scope, long exceptId) {
    return jdbc.sql("SELECT reference FROM dsr_request WHERE LOWER(subject_email) = LOWER(?) AND request_type = ?"
            + " AND COALESCE(objection_scope, '-') = ? AND status <> 'CLOSED' AND id <> ? ORDER BY received_at, id")
        .params(email, type.name(), scope == null ? "-" : scope.name(), exceptId)
        .query(String.class)
        .list().stream().findFirst();
  }

  /** Every request of the same person (same e-mail address) but this one, newest first: for a 12(5) judgement. */
  public List<EarlierRequest> earlierRequests(String email, long exceptId) {
    if (email == null || email.isBlank()) {
      return List.of();
    }
    return jdbc.sql("SELECT reference, request_type, received_at, status, outcome FROM dsr_request"
            + " WHERE LOWER(subject_email) = LOWER(?) AND id <> ? ORDER BY received_at DESC, id DESC")
        .params(email, exceptId)
        .query((rs, n) -> new EarlierRequest(rs.getString("reference"),
            RequestType.valueOf(rs.getString("request_type")),
            instant(rs, "received_at"), RequestStatus.valueOf(rs.getString("status")),
            rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome"))))
        .list();
  }

  /** Another request of the same person, as a 12(5) judgement needs to see it: no content, only its facts. */
  public record EarlierRequest(String reference, RequestType type, Instant receivedAt, RequestStatus status,
      Outcome outcome) {}
}
