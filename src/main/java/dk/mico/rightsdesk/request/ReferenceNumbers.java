package dk.mico.rightsdesk.request;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out references {@code DSR-<year>-<5 digits>} from a counter row per year of receipt (rows for the years ahead
 * are made by a migration). The row is locked by the
 * increment until the intake commits, so numbers are unique across nodes and have no gaps.
 */
@Component
class ReferenceNumbers {

  private final JdbcClient jdbc;

  ReferenceNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  String next(Instant receivedAt, ZoneId zone) {
    int year = receivedAt.atZone(zone).getYear();
    int updated = increment(year);
    if (updated == 0) {
      try {
        jdbc.sql("INSERT INTO reference_counter (receipt_year, last_value) VALUES (?, 0)").param(year).update();
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // the row exists now; the increment below takes the next number
      }
      increment(year);
    }
    int value = jdbc.sql("SELECT last_value FROM reference_counter WHERE receipt_year = ?")
        .param(year)
        .query(Integer.class)
        .single();
    if (value > 99_999) {
      throw new IllegalStateException("Reference numbers for " + year + " are used up");
    }
    return "DSR-%d-%05d".formatted(year, value);
  }

  private int increment(int year) {
    return jdbc.sql("UPDATE reference_counter SET last_value = last_value + 1 WHERE receipt_year = ?")
        .param(year)
        .update();
  }
}
