package dk.mico.rightsdesk.request;

import dk.mico.rightsdesk.system.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receipt page after the public form: the submission's references, found by a random token in the page's address
 * rather than the session, so that reloading it, switching its language or coming back to it after the session has
 * expired still shows them. For a day after the submission; the page names no one.
 */
@Repository
public class SubmissionReceipts {

  /** How long the receipt page shows the references. */
  static final Duration SHOWN_FOR = Duration.ofDays(1);

  private final JdbcClient jdbc;
  private final Clock clock;

  SubmissionReceipts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Answers the token of the receipt page of a submission (its requests, the first one first). */
  String issue(List<DataSubjectRequest> submission) {
    String token = SecretTokens.newToken();
    jdbc.sql("UPDATE dsr_request SET receipt_token_hash = ? WHERE id = ?")
        .params(SecretTokens.hash(token), submission.get(0).id())
        .update();
    return token;
  }

  /** The references of the submission whose receipt page the token opens, in order; none once it has expired. */
  @Transactional(readOnly = true)
  public List<String> references(String token) {
    if (!SecretTokens.looksValid(token)) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT other.reference FROM dsr_request first
            JOIN dsr_request other ON other.id = first.id OR other.submission_reference = first.reference
            WHERE first.receipt_token_hash = ? AND first.received_at >= ?
            ORDER BY other.id""")
        .params(SecretTokens.hash(token), clock.instant().minus(SHOWN_FOR).atOffset(ZoneOffset.UTC))
        .query(String.class)
        .list();
  }
}
