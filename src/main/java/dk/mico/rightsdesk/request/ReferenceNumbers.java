package dk.mico.rightsdesk.request;

import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out references {@code DSR-<year>-<5 digits>} from a database sequence per year of receipt
 * ({@code reference_<year>}), so that nodes sharing the database never hand out the same number. A number taken by an
 * intake that is rolled back stays unused: a gap, never a duplicate.
 *
 * <p>A year's sequence is made the first time a node needs that year, together with the next year's, so that a new
 * year finds its sequence ready. It is made in a transaction of its own: H2 commits the open transaction on any DDL,
 * and a sequence must outlive an intake that is rolled back. A year that already has numbers in its counter row
 * (where references came from before sequences) carries on after the row's last value.
 */
@Component
class ReferenceNumbers {

  private static final int MAX_PER_YEAR = 99_999;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final String nextValueQuery;
  private final Set<Integer> yearsReady = ConcurrentHashMap.newKeySet();

  ReferenceNumbers(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions)
      throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    // PostgreSQL knows only nextval(); H2 in its default mode only the standard form
    this.nextValueQuery = "PostgreSQL".equals(database) ? "SELECT nextval('%s')" : "SELECT NEXT VALUE FOR %s";
  }

  String next(Instant receivedAt, ZoneId zone) {
    int year = receivedAt.atZone(zone).getYear();
    if (!yearsReady.contains(year)) {
      prepare(year);
      prepare(year + 1);
    }
    long value = jdbc.sql(nextValueQuery.formatted(sequence(year))).query(Long.class).single();
    if (value > MAX_PER_YEAR) {
      throw new IllegalStateException("Reference numbers for " + year + " are used up");
    }
    return "DSR-%d-%05d".formatted(year, value);
  }

  private void prepare(int year) {
    try {
      ownTransaction.executeWithoutResult(status -> createSequence(year));
    } catch (DataAccessException anotherNodeWasCreatingIt) {
      // PostgreSQL may refuse one of two simultaneous creations of the same sequence; it exists now
      ownTransaction.executeWithoutResult(status -> createSequence(year));
    }
    yearsReady.add(year);
  }

  private void createSequence(int year) {
    long lastCounted = jdbc.sql("SELECT last_value FROM reference_counter WHERE receipt_year = ?")
        .param(year)
        .query(Long.class)
        .optional()
        .orElse(0L);
    jdbc.sql("CREATE SEQUENCE IF NOT EXISTS %s START WITH %d".formatted(sequence(year), lastCounted + 1)).update();
  }

  private static String sequence(int year) {
    return "reference_" + year;
  }
}
