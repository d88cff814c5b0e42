package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.access.AccessReview.Review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each system returned for an access or portability request (the exported values, with the request, not in
 * process variables), its free-text passages and the officer's review. Kept until the answer's download expires.
 */
@Repository
class AccessRecords {

  static final String MANUAL_TABLE = "manual search";
  static final String MANUAL_MATCH = "MANUAL";

  /** A record as a system returned it. */
  record StoredRecord(long id, String system, String table, String recordId, String matchedBy,
      List<String> categories, String legalBasis, String source, Boolean portable, Map<String, Object> columns,
      boolean released) {

    /** A candidate: found by the name or another identifier that proves nothing, held back until released. */
    boolean nameOnly() {
      return "NAME_ONLY".equals(matchedBy) || "GIVEN".equals(matchedBy);
    }

    boolean manual() {
      return MANUAL_MATCH.equals(matchedBy);
    }
  }

  /** A record about to be stored. */
  record NewRecord(String table, String recordId, String matchedBy, List<String> categories, String legalBasis,
      String source, Boolean portable, Map<String, Object> columns, boolean released) {}

  /** A sentence of free text; {@code namesFound} is set when it names other people the company knows. */
  record Passage(long id, long recordId, String column, int position, String text, String namesFound,
      boolean redacted) {

    boolean flagged() {
      return namesFound != null;
    }
  }

  /** A passage about to be stored. */
  record NewPassage(String column, int position, String text, String namesFound) {}

  private static final TypeReference<LinkedHashMap<String, Object>> COLUMNS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  AccessRecords(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Replaces what an earlier run for the same system stored, so a job that runs again stores nothing twice. */
  void replaceSystem(long requestId, String system, Map<NewRecord, List<NewPassage>> records) {
    jdbc.sql("DELETE FROM access_passage WHERE record_id IN "
            + "(SELECT id FROM access_record WHERE request_id = ? AND system_id = ?)")
        .params(requestId, system).update();
    jdbc.sql("DELETE FROM access_record WHERE request_id = ? AND system_id = ?").params(requestId, system).update();
    records.forEach((record, passages) -> {
      jdbc.sql("""
              INSERT INTO access_record (request_id, system_id, table_name, record_id, matched_by, categories,
                legal_basis, source, portable, columns_json, released)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(requestId, system, record.table(), record.recordId(), record.matchedBy(),
              String.join(", ", record.categories()), record.legalBasis(), record.source(), record.portable(),
              write(record.columns()), record.released())
          .update();
      long id = jdbc.sql("SELECT id FROM access_record WHERE request_id = ? AND system_id = ? AND table_name = ? "
              + "AND record_id = ?")
          .params(requestId, system, record.table(), record.recordId()).query(Long.class).single();
      // a passage naming other people is withheld until the officer releases it (Art 15(4))
      for (NewPassage p : passages) {
        jdbc.sql("INSERT INTO access_passage (record_id, column_name, position, text, names_found, redacted) "
                + "VALUES (?, ?, ?, ?, ?, ?)")
            .params(id, p.column(), p.position(), p.text(), p.namesFound(), p.namesFound() != null).update();
      }
    });
  }

  List<StoredRecord> records(long requestId) {
    return jdbc.sql("""
            SELECT id, system_id, table_name, record_id, matched_by, categories, legal_basis, source, portable,
              columns_json, released
            FROM access_record WHERE request_id = ? ORDER BY id""")
        .param(requestId)
        .query((rs, n) -> new StoredRecord(rs.getLong("id"), rs.getString("system_id"), rs.getString("table_name"),
            rs.getString("record_id"), rs.getString("matched_by"), List.of(rs.getString("categories").split(", ")),
            rs.getString("legal_basis"), rs.getString("source"), (Boolean) rs.getObject("portable"),
            read(rs.getString("columns_json")), rs.getBoolean("released")))
        .list();
  }

  List<Passage> passages(long requestId) {
    return jdbc.sql("""
            SELECT p.id, p.record_id, p.column_name, p.position, p.text, p.names_found, p.redacted
            FROM access_passage p JOIN access_record r ON r.id = p.record_id
            WHERE r.request_id = ? ORDER BY p.record_id, p.column_name, p.position""")
        .param(requestId)
        .query((rs, n) -> new Passage(rs.getLong("id"), rs.getLong("record_id"), rs.getString("column_name"),
            rs.getInt("position"), rs.getString("text"), rs.getString("names_found"), rs.getBoolean("redacted")))
        .list();
  }

  /** Marks the request's passages redacted or not; ids of other requests change nothing. */
  void setRedacted(long requestId, List<Long> redactedIds) {
    jdbc.sql("UPDATE access_passage SET redacted = FALSE WHERE record_id IN "
            + "(SELECT id FROM access_record WHERE request_id = ?)")
        .param(requestId).update();
    for (long id : redactedIds) {
      jdbc.sql("UPDATE access_passage SET redacted = TRUE WHERE id = ? AND record_id IN "
              + "(SELECT id FROM access_record WHERE request_id = ?)")
          .params(id, requestId).update();
    }
  }

  /** Releases the name-only matches the officer found to be the subject's; the others stay back. */
  void setReleasedNameOnly(long requestId, List<Long> releasedIds) {
    jdbc.sql("UPDATE access_record SET released = FALSE WHERE request_id = ? "
            + "AND matched_by IN ('NAME_ONLY', 'GIVEN')")
        .param(requestId).update();
    for (long id : releasedIds) {
      jdbc.sql("UPDATE access_record SET released = TRUE WHERE id = ? AND request_id = ? "
              + "AND matched_by IN ('NAME_ONLY', 'GIVEN')")
          .params(id, requestId).update();
    }
  }

  void saveReview(long requestId, Review review) {
    jdbc.sql("DELETE FROM access_review WHERE request_id = ?").param(requestId).update();
    jdbc.sql("INSERT INTO access_review (request_id, decision, reason, note, reviewed_by, reviewed_at, redactions) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(requestId, review.decision(), review.reason(), review.note(), review.reviewedBy(),
            review.reviewedAt().atOffset(ZoneOffset.UTC), review.redactions())
        .update();
  }

  Optional<Review> review(long requestId) {
    return jdbc.sql("SELECT decision, reason, note, reviewed_by, reviewed_at, redactions FROM access_review"
            + " WHERE request_id = ?")
        .param(requestId)
        .query((rs, n) -> new Review(rs.getString("decision"), rs.getString("reason"), rs.getString("note"),
            rs.getString("reviewed_by"), rs.getObject("reviewed_at", java.time.OffsetDateTime.class).toInstant(),
            rs.getInt("redactions")))
        .optional();
  }

  /** Deletes the exported values and passages of a request (the review, which holds no exported data, stays). */
  void purge(long requestId) {
    jdbc.sql("DELETE FROM access_passage WHERE record_id IN (SELECT id FROM access_record WHERE request_id = ?)")
        .param(requestId).update();
    jdbc.sql("DELETE FROM access_record WHERE request_id = ?").param(requestId).update();
  }

  private String write(Map<String, Object> columns) {
    try {
      return json.writeValueAsString(columns);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("exported columns could not be written as JSON", e);
    }
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text, COLUMNS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored columns are not JSON", e);
    }
  }
}
