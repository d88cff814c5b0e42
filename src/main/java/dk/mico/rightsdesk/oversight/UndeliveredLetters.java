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
 * E-mail letters of open requests still waiting to be delivered longer than
 * {@code rightsdesk.letters.undelivered-after} after they were composed: the mail server refuses them, or nothing
 * sends them. Read for all open requests at once.
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
  Map<String, List<StuckReason>> ofOpenRequests() {
    Map<String, List<StuckReason>> waiting = new HashMap<>();
    jdbc.sql("""
            SELECT r.reference, l.kind, l.composed_at
            FROM letter l JOIN dsr_request r ON r.id = l.request_id
            WHERE r.status <> 'CLOSED' AND l.delivery = 'EMAIL' AND l.state = 'COMPOSED' AND l.composed_at < :cutoff
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
