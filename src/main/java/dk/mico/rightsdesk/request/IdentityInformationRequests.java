package dk.mico.rightsdesk.request;

import static dk.mico.rightsdesk.request.Requests.instant;
import static dk.mico.rightsdesk.request.Requests.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The requests to subjects for more identity information, with the dates that prove a pause of the clock. */
@Repository
class IdentityInformationRequests {

  private final JdbcClient jdbc;

  IdentityInformationRequests(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(long requestId, String whatIsNeeded, Instant askedAt) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("INSERT INTO dsr_identity_information_request (request_id, what_is_needed, asked_at) VALUES (?, ?, ?)")
        .params(requestId, whatIsNeeded, utc(askedAt))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** The latest one that is not answered yet. */
  Optional<IdentityInformationRequest> open(long requestId) {
    return jdbc.sql("SELECT * FROM dsr_identity_information_request WHERE request_id = ? AND answered_at IS NULL"
            + " ORDER BY asked_at DESC, id DESC")
        .param(requestId)
        .query(ROW)
        .list().stream().findFirst();
  }

  /** The latest one, answered or not. */
  Optional<IdentityInformationRequest> latest(long requestId) {
    return jdbc.sql("SELECT * FROM dsr_identity_information_request WHERE request_id = ?"
            + " ORDER BY asked_at DESC, id DESC")
        .param(requestId)
        .query(ROW)
        .list().stream().findFirst();
  }

  Optional<IdentityInformationRequest> openByTokenHash(String hash) {
    return jdbc.sql("SELECT * FROM dsr_identity_information_request WHERE reply_token_hash = ? AND answered_at IS NULL")
        .param(hash)
        .query(ROW)
        .optional();
  }

  void markSent(long id, Instant sentAt, Instant replyDueAt, boolean pausesClock) {
    jdbc.sql("UPDATE dsr_identity_information_request SET sent_at = ?, reply_due_at = ?, pauses_clock = ?"
            + " WHERE id = ? AND sent_at IS NULL")
        .params(utc(sentAt), utc(replyDueAt), pausesClock, id)
        .update();
  }

  void setTokenHash(long id, String hash) {
    jdbc.sql("UPDATE dsr_identity_information_request SET reply_token_hash = ? WHERE id = ?").params(hash, id).update();
  }

  /** False when it was answered already (a second click, or the officer and the subject at once). */
  boolean answer(long id, Instant at, String by, String reply, int pausedDays) {
    return jdbc.sql("UPDATE dsr_identity_information_request SET answered_at = ?, answered_by = ?, reply = ?,"
            + " paused_days = ?, reply_token_hash = NULL WHERE id = ? AND answered_at IS NULL")
        .params(utc(at), by, reply, pausedDays, id)
        .update() == 1;
  }

  private static final RowMapper<IdentityInformationRequest> ROW = (rs, n) -> new IdentityInformationRequest(
      rs.getLong("id"), rs.getLong("request_id"), rs.getString("what_is_needed"), instant(rs, "asked_at"),
      instant(rs, "sent_at"), instant(rs, "reply_due_at"), (Boolean) rs.getObject("pauses_clock"),
      instant(rs, "answered_at"), rs.getString("reply"));
}
