package dk.mico.rightsdesk.oversight;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * E-mail letters still waiting in the outbox longer than {@code rightsdesk.letters.undelivered-after} after they were
 * composed: the mail server refuses them, or nothing sends them. Read for all requests at once, closed ones too: a
 * request closes when its answer is queued, and the answer may not have gone.
 */
@Component
class UndeliveredLetters {

  private final JdbcClient jdbc;
  private final Duration undeliveredAfter;
  private final Clock clock;

  UndeliveredLetters(JdbcClient jdbc, @Value("${rightsdesk.letters.undelivered-after:PT1H}") Duration undeliveredAfter,
      Clock clock) {
    this.jdbc = jdbc;
    this.undeliveredAfter = undeliveredAfter;
    this.clock = clock;
  }

  /** The letters waiting too long, by request reference; requests without one are not in the map. */
  Map<String, List<StuckReason>> byRequest() {
    Map<String, List<StuckReason>> waiting = new HashMap<>();
    jdbc.sql("""
            SELECT r.reference, l.kind, l.composed_at
            FROM mail_outbox o JOIN letter l ON l.id = o.letter_id JOIN dsr_request r ON r.id = l.request_id
            WHERE l.composed_at < :cutoff
            ORDER BY l.composed_at, l.id""")
        .param("cutoff", clock.instant().minus(undeliveredAfter).atOffset(ZoneOffset.UTC))
        .query(rs -> {
          waiting.computeIfAbsent(rs.getString("reference"), reference -> new ArrayList<>())
              .add(new StuckReason(StuckReason.Kind.UNDELIVERED_LETTER,
                  rs.getObject("composed_at", OffsetDateTime.class).toInstant(), rs.getString("kind")));
        });
    return waiting;
  }
}
