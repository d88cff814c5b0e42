package dk.mico.rightsdesk.request;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out references {@code DSR-<year>-<5 digits>} from a database sequence per year of receipt
 * ({@code reference_<year>}), so that nodes sharing the database never hand out the same number. A number taken by an
 * intake that is rolled back stays unused: a gap, never a duplicate.
 *
 * <p>This year's and next year's sequences are made as the application starts, before it takes a request, and again every night, so that an
 * intake finds its year's sequence made. Making one needs a transaction of its own (H2 commits the open transaction
 * on any DDL, and a sequence must outlive an intake that is rolled back), that is a second connection: taken inside
 * fifty simultaneous intakes, each already holding one, it emptied the connection pool and every intake waited for
 * the pool's timeout. An intake makes its year's sequence itself only if the clock has passed what was made ahead. A
 * year that already has numbers in its counter row (where references came from before sequences) carries on after
 * the row's last value.
 */
@Component
class ReferenceNumbers implements SmartInitializingSingleton {

  private static final int MAX_PER_YEAR = 99_999;

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;
  private final String nextValueQuery;
  private final Set<Integer> yearsReady = ConcurrentHashMap.newKeySet();

  private final Clock clock;
  private final LegalCalendar calendar;

  ReferenceNumbers(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
      LegalCalendar calendar) throws MetaDataAccessException {
    this.jdbc = jdbc;
    this.clock = clock;
    this.calendar = calendar;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    // PostgreSQL knows only nextval(); H2 in its default mode only the standard form
    this.nextValueQuery = "PostgreSQL".equals(database) ? "SELECT nextval('%s')" : "SELECT NEXT VALUE FOR %s";
  }

  /** Before the web server takes its first request (the migrations have run by now). */
  @Override
  public void afterSingletonsInstantiated() {
    prepareAhead();
  }

  /** This year's and next year's sequences, made outside any intake. */
  @Scheduled(cron = "0 15 0 * * *", zone = "Europe/Copenhagen")
  void prepareAhead() {
    int year = clock.instant().atZone(calendar.zone()).getYear();
    for (int ahead : new int[] {year, year + 1}) {
      if (!yearsReady.contains(ahead)) {
        prepare(ahead);
      }
    }
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
