package dk.mico.rightsdesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.deadline.DanishHolidays;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * References come from a database sequence per year of receipt: unique whichever node takes them, never waiting for
 * another intake's transaction, carrying on where the counter rows of the years before sequences stopped. Each test
 * has a freshly migrated in-memory database of its own, so the numbers it sees are its own.
 */
class ReferenceNumbersTests {

  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
  private static final Instant IN_2027 = OffsetDateTime.parse("2027-06-01T10:00:00+02:00").toInstant();

  private DriverManagerDataSource database;
  private JdbcClient jdbc;
  private DataSourceTransactionManager transactions;
  private Clock clock = Clock.fixed(IN_2027, COPENHAGEN);

  @BeforeEach
  void freshDatabase() {
    // a short lock timeout: a number that waits for another transaction fails quickly instead of hanging
    database = new DriverManagerDataSource(
        "jdbc:h2:mem:references-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=2000", "sa", "");
    Flyway.configure().dataSource(database).load().migrate();
    jdbc = JdbcClient.create(database);
    transactions = new DataSourceTransactionManager(database);
  }

  @AfterEach
  void dropDatabase() {
    jdbc.sql("SHUTDOWN").update();
  }

  @Test
  void aYearStartsAtOneInCopenhagensYearAndTheNextYearsSequenceIsReadyBeforeItStarts() {
    ReferenceNumbers references = node();
    Instant lastSecondOf2030 = OffsetDateTime.parse("2030-12-31T23:59:59+01:00").toInstant();
    Instant firstMinuteOf2031 = OffsetDateTime.parse("2031-01-01T00:00:30+01:00").toInstant();

    assertThat(references.next(lastSecondOf2030, COPENHAGEN)).isEqualTo("DSR-2030-00001");
    assertThat(sequenceExists("reference_2031")).as("2031's sequence, made ahead").isTrue();
    // still 2030 in UTC, already 2031 in Copenhagen
    assertThat(references.next(firstMinuteOf2031, COPENHAGEN)).isEqualTo("DSR-2031-00001");
    assertThat(references.next(lastSecondOf2030, COPENHAGEN)).isEqualTo("DSR-2030-00002");
  }

  @Test
  void thisYearsAndNextYearsSequencesAreMadeAheadSoThatAnIntakeNeedsNoSecondConnection() throws Exception {
    ReferenceNumbers references = node();
    references.prepareAhead();
    assertThat(sequenceExists("reference_2027")).isTrue();
    assertThat(sequenceExists("reference_2028")).isTrue();

    // an intake holding the pool's only connection still gets its number: it asks the pool for no second one
    try (HikariDataSource poolOfOne = new HikariDataSource()) {
      poolOfOne.setDataSource(database);
      poolOfOne.setMaximumPoolSize(1);
      poolOfOne.setConnectionTimeout(1_000);
      var poolTransactions = new DataSourceTransactionManager(poolOfOne);
      ReferenceNumbers onePoolNode = new ReferenceNumbers(JdbcClient.create(poolOfOne), poolOfOne, poolTransactions,
          clock, DanishHolidays.legalCalendar());
      onePoolNode.prepareAhead();
      String reference =
          new TransactionTemplate(poolTransactions).execute(status -> onePoolNode.next(IN_2027, COPENHAGEN));
      assertThat(reference).isEqualTo("DSR-2027-00001");
    }

    clock = Clock.fixed(OffsetDateTime.parse("2028-12-31T23:30:00+01:00").toInstant(), COPENHAGEN);
    node().prepareAhead();
    assertThat(sequenceExists("reference_2029")).as("the night before a new year, it is ready").isTrue();
  }

  @Test
  void aYearWithCountedNumbersCarriesOnAfterTheCounterAndLeavesItAlone() {
    jdbc.sql("UPDATE reference_counter SET last_value = 41 WHERE receipt_year = 2027").update();
    ReferenceNumbers references = node();

    assertThat(references.next(IN_2027, COPENHAGEN)).isEqualTo("DSR-2027-00042");
    assertThat(node().next(IN_2027, COPENHAGEN)).as("another node").isEqualTo("DSR-2027-00043");
    assertThat(jdbc.sql("SELECT last_value FROM reference_counter WHERE receipt_year = 2027")
        .query(Long.class).single()).isEqualTo(41);
  }

  @Test
  void anIntakeStillOpenDoesNotHoldUpTheNextNumber() throws Exception {
    ReferenceNumbers references = node();
    ExecutorService otherNode = Executors.newSingleThreadExecutor();
    try {
      // the other intake takes its number and stays open, as one does while its process starts
      CountDownLatch taken = new CountDownLatch(1);
      CountDownLatch finish = new CountDownLatch(1);
      Future<String> open = otherNode.submit(() -> new TransactionTemplate(transactions).execute(status -> {
        String reference = references.next(IN_2027, COPENHAGEN);
        taken.countDown();
        await(finish);
        return reference;
      }));
      await(taken);
      String ours = new TransactionTemplate(transactions).execute(status -> references.next(IN_2027, COPENHAGEN));
      finish.countDown();
      assertThat(List.of(open.get(), ours)).containsExactly("DSR-2027-00001", "DSR-2027-00002");
    } finally {
      otherNode.shutdownNow();
    }
  }

  @Test
  void numbersAreUniqueWhenManyThreadsOnTwoNodesTakeThemAtOnce() throws Exception {
    List<ReferenceNumbers> nodes = List.of(node(), node());
    int threads = 8;
    int perThread = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<String>>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        ReferenceNumbers node = nodes.get(t % 2);
        work.add(() -> {
          List<String> taken = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            // some in an intake's transaction, some without one: unique either way
            taken.add(i % 2 == 0
                ? new TransactionTemplate(transactions).execute(status -> node.next(IN_2027, COPENHAGEN))
                : node.next(IN_2027, COPENHAGEN));
          }
          return taken;
        });
      }
      List<String> all = new ArrayList<>();
      for (Future<List<String>> result : pool.invokeAll(work)) {
        all.addAll(result.get());
      }
      assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates()
          .allMatch(reference -> reference.matches("DSR-2027-\\d{5}"));
    } finally {
      pool.shutdownNow();
    }
  }

  /** A node of its own: nothing shared with another instance but the database. */
  private ReferenceNumbers node() {
    try {
      return new ReferenceNumbers(jdbc, database, transactions, clock, DanishHolidays.legalCalendar());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean sequenceExists(String name) {
    return jdbc.sql("SELECT COUNT(*) FROM information_schema.sequences WHERE LOWER(sequence_name) = ?")
        .param(name).query(Long.class).single() == 1;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
