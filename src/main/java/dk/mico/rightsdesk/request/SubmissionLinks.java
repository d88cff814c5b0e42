package dk.mico.rightsdesk.request;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The requests that came in one submission naming several rights: one request per right, each with its own
 * reference and process, linked through the reference of the submission's first request.
 */
@Repository
public class SubmissionLinks {

  private final JdbcClient jdbc;

  SubmissionLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void link(List<DataSubjectRequest> requests) {
    String submission = requests.get(0).reference();
    for (DataSubjectRequest request : requests) {
      jdbc.sql("UPDATE dsr_request SET submission_reference = ? WHERE id = ?")
          .param(submission)
          .param(request.id())
          .update();
    }
  }

  /**
   * Whether the request came in a submission with others and is not its first: the first request's letters speak
   * for the whole submission where one letter is enough (the confirmation link).
   */
  public boolean followsAnother(String reference) {
    return jdbc.sql("SELECT COUNT(*) FROM dsr_request WHERE reference = ? AND submission_reference IS NOT NULL"
            + " AND submission_reference <> reference")
        .param(reference)
        .query(Integer.class)
        .single() > 0;
  }

  /** The other requests of the same submission, in the order they were made; empty for a single-right request. */
  public List<String> siblingsOf(String reference) {
    return jdbc.sql("""
            SELECT other.reference FROM dsr_request me
            JOIN dsr_request other ON other.submission_reference = me.submission_reference
            WHERE me.reference = ? AND other.reference <> me.reference
            ORDER BY other.id""")
        .param(reference)
        .query(String.class)
        .list();
  }
}
