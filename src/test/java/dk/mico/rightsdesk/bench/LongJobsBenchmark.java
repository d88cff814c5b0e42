package dk.mico.rightsdesk.bench;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.RightsDeskApplication;
import dk.mico.rightsdesk.access.AccessCompiler;
import dk.mico.rightsdesk.access.AccessReview;
import dk.mico.rightsdesk.access.Deliveries;
import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.request.NewRequest;
import dk.mico.rightsdesk.request.RequestIntake;
import dk.mico.rightsdesk.systems.IdentifierIndexes;
import dk.mico.rightsdesk.support.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A measurement, not a test (issue 16, "node loss"): how long the two jobs that grow with the company's data take,
 * against the 30 s job lock.
 * <ol>
 *   <li><b>Discovery</b>: the lookup of one person in the case-management system (the business call of the job
 *       {@code Task_DiscoverInSystem}) with the demo company's {@code contact_person} table grown to 1,000 and then to
 *       {@code benchmark.people} people (generated rows), and the gathering job of an access request
 *       ({@code AccessCompiler.compileSystem}: lookup, export, and, since the person has a support case with notes,
 *       the names of everyone else, read in pages, for Art 15(4)).</li>
 *   <li><b>The access report</b>: a person with {@code benchmark.records} support cases; the gathering job, the
 *       officer's review screen ({@code AccessReview.draft}) and the job that renders the files
 *       ({@code Deliveries.prepare}: HTML, PDF, JSON).</li>
 * </ol>
 * The application runs in this JVM on the demo profile (H2 files under target/), its job executor off so that only
 * the measured calls run. With {@code -Dbenchmark.company=postgres} the demo company database is a PostgreSQL
 * database of the run's own at 127.0.0.1:5432 (created, migrated by the demo's migrations, which make the indexes
 * the start-up check {@link IdentifierIndexes} asks for, dropped at the end). The people are as a Danish company's
 * ({@link GeneratedPeople}: common names repeat), so that a lookup by name is as selective as a real one. Run it as
 * docs/benchmarks.md says:
 *
 * <pre>./mvnw -q test -Dtest=LongJobsBenchmark -Dbenchmark.longjobs=true [-Dbenchmark.company=postgres]</pre>
 */
class LongJobsBenchmark {

  private static final boolean ENABLED = Boolean.getBoolean("benchmark.longjobs");
  private static final int PEOPLE = Integer.getInteger("benchmark.people", 1_000_000);
  private static final int RECORDS = Integer.getInteger("benchmark.records", 10_000);
  private static final int REPEATS = Integer.getInteger("benchmark.repeats", 5);
  /** Whether to time the gathering job too (it reads every name in the company, a page at a time). */
  private static final boolean GATHERING = !"false".equals(System.getProperty("benchmark.gathering"));
  /** The report's limit; a large one measures the report as it was before there was one. */
  private static final int REPORT_LIMIT = Integer.getInteger("benchmark.reportLimit", 1_000);
  private static final String SYSTEM = "case-management";
  /** Generated people's ids start here, above the demo people's. */
  private static final long FIRST_ID = 10_000_000L;
  /** Where the demo company database is: h2 (a file, no index serves a lookup) or postgres (indexed). */
  private static final String COMPANY = System.getProperty("benchmark.company", "h2");
  private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String PG_USER = System.getenv().getOrDefault("PGUSER", "postgres");

  private final String run = Long.toString(System.currentTimeMillis(), 36);
  /** The PostgreSQL database of this run, created and dropped by it. */
  private final String pgDatabase = System.getProperty("benchmark.database", "rightsdesk_longjobs_" + run);
  /** Whether to keep the PostgreSQL database after the run, to look at the lookup's plan (EXPLAIN ANALYZE). */
  private static final boolean KEEP = Boolean.getBoolean("benchmark.keepDatabase");

  @Test
  void measureDiscoveryAndTheAccessReport() throws Exception {
    assumeTrue(ENABLED, "run with -Dbenchmark.longjobs=true");
    Path files = Files.createDirectories(Path.of("target", "long-jobs-benchmark", run)).toAbsolutePath();
    boolean postgres = switch (COMPANY) {
      case "h2" -> false;
      case "postgres" -> true;
      default -> throw new IllegalArgumentException("benchmark.company is h2 or postgres, not " + COMPANY);
    };
    if (postgres) {
      onServer("CREATE DATABASE " + pgDatabase);
    }
    try {
      measure(files, postgres);
    } finally {
      if (postgres && !KEEP) {
        onServer("DROP DATABASE IF EXISTS " + pgDatabase + " WITH (FORCE)");
      }
    }
  }

  private void measure(Path files, boolean postgres) throws Exception {
    String companyUrl = postgres ? PG_SERVER + pgDatabase
        : "jdbc:h2:file:" + files.resolve("company") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    String companyUser = postgres ? PG_USER : "sa";
    List<String> arguments = List.of(
        "--spring.profiles.active=demo",
        "--spring.datasource.url=jdbc:h2:file:" + files.resolve("rightsdesk") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
        "--rightsdesk.company.datasources.company.url=" + companyUrl,
        "--rightsdesk.company.datasources.company.username=" + companyUser,
        "--camunda.bpm.job-execution.enabled=false",
        "--server.port=0",
        "--rightsdesk.mail.embedded-port=" + freePort(),
        "--rightsdesk.mail.embedded-imap-port=" + freePort(),
        "--rightsdesk.inbox.host=",
        "--rightsdesk.access.report-record-limit=" + REPORT_LIMIT,
        "--logging.level.root=WARN");
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RightsDeskApplication.class)
            .run(arguments.toArray(String[]::new));
        Connection company = DriverManager.getConnection(companyUrl, fillerProperties(companyUser, postgres))) {
      var intake = app.getBean(RequestIntake.class);
      var discovery = app.getBean(Discovery.class);
      var compiler = app.getBean(AccessCompiler.class);
      long customer = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(company, true))
          .queryForObject("SELECT MIN(id) FROM customer", Long.class);

      System.out.printf("*** LongJobsBenchmark %s, %d cores, Java %s, company database %s, report-record-limit %,d%n",
          Instant.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), COMPANY,
          REPORT_LIMIT);
      // on PostgreSQL the demo company's migrations made the indexes docs/operations.md asks for; H2 can make none
      System.out.printf("*** identifier columns no index serves (start-up warnings): %d%n",
          app.getBean(IdentifierIndexes.class).check().size());
      addPeople(company, customer, 0, 1_000, postgres);
      if (RECORDS > 0) {
        measureTheReport(app, company, customer, intake, compiler);
      }

      int inTable = 1_000;
      Long atFirst = null;
      for (int people : List.of(1_000, PEOPLE)) {
        addPeople(company, customer, inTable, people, postgres);
        inTable = people;
        // a case with notes: free text, so that gathering reads every name in the company
        var person = GeneratedPeople.person(people / 2);
        addCases(company, customer, person.email(), FIRST_ID + RECORDS + people, 1);
        System.out.printf("*** %,d people: the one looked up has %,d namesakes (the same name, any case)%n", people,
            namesakes(company, person.fullName()));
        String someone = accessRequest(intake, person);
        List<Long> lookups;
        try {
          discovery.discover(someone, SYSTEM);    // not timed: the first call of a size warms code and caches
          lookups = timed(REPEATS, () -> discovery.discover(someone, SYSTEM));
        } catch (RuntimeException e) {
          System.out.printf("*** discovery, %,d people: failed: %s%n", people, e.getMessage());
          continue;
        }
        long median = median(lookups);
        atFirst = atFirst == null ? median : atFirst;
        System.out.printf("*** discovery, %,d people in contact_person: lookup (job Task_DiscoverInSystem) %s; "
            + "median against 1,000 people's: %.2fx%n", people, summary(lookups), (double) median / atFirst);
        if (!GATHERING) {
          continue;
        }
        try {
          List<Long> theirs = timed(REPEATS, () -> compiler.compileSystem(someone, SYSTEM));
          System.out.printf("*** gathering for an access report (lookup, export, everyone's names in pages), %,d "
              + "people: %s%n",
              people, summary(theirs));
        } catch (RuntimeException e) {
          System.out.printf("*** gathering for an access report, %,d people: failed: %s%n", people, e.getMessage());
        }
      }
    }
  }

  /** One person with {@link #RECORDS} support cases, while the company holds 1,000 other people. */
  private static void measureTheReport(ConfigurableApplicationContext app, Connection company, long customer,
      RequestIntake intake, AccessCompiler compiler) throws Exception {
    var review = app.getBean(AccessReview.class);
    var deliveries = app.getBean(Deliveries.class);
    String many = "many.records@example.dk";
    addCases(company, customer, many, FIRST_ID, RECORDS);
    String reference = accessRequest(intake, new GeneratedPeople.Person("Mange Sager", many, null, null));
    List<Long> gathering = timed(1, () -> compiler.compileSystem(reference, SYSTEM));
    List<Long> draft = timed(REPEATS, () -> review.draft(reference));
    List<Long> prepare = timed(REPEATS, () -> deliveries.prepare(reference));
    long bytes = new JdbcTemplate(app.getBean(javax.sql.DataSource.class)).queryForObject("""
        SELECT SUM(LENGTH(f.content)) FROM delivery_file f JOIN delivery d ON d.id = f.delivery_id
        JOIN dsr_request r ON r.id = d.request_id WHERE r.reference = ? AND f.file_name = 'report.pdf'""",
        Long.class, reference);
    System.out.printf("*** access report, one person with %,d support cases: gathering %s; review screen %s; "
        + "rendering (HTML, PDF, JSON; job Task_PrepareDownload) %s; PDF %,d bytes%n", RECORDS, summary(gathering),
        summary(draft), summary(prepare), bytes);
  }

  /** The driver's own connection to the company database; on PostgreSQL its batches go as multi-row inserts. */
  private static Properties fillerProperties(String user, boolean postgres) {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", "");
    if (postgres) {
      properties.setProperty("reWriteBatchedInserts", "true");
    }
    return properties;
  }

  private static void onServer(String sql) throws SQLException {
    try (Connection server = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "");
        Statement statement = server.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Contact persons {@code from} (inclusive) to {@code to} (exclusive), as {@link GeneratedPeople} makes them: batched
   * inserts of 10,000 rows a commit (on PostgreSQL the driver sends a batch as multi-row inserts).
   */
  private static void addPeople(Connection company, long customer, int from, int to, boolean postgres)
      throws SQLException {
    if (from >= to) {
      return;
    }
    company.setAutoCommit(false);
    try (PreparedStatement insert = company.prepareStatement("""
        INSERT INTO contact_person (id, customer_id, full_name, email, phone, postal_address, title, legal_basis,
          source, provided_by_subject, created_at)
        VALUES (?, ?, ?, ?, ?, ?, 'Kontakt', '6(1)(b)', 'subject', TRUE, ?)""")) {
      Timestamp created = Timestamp.from(Instant.parse("2025-01-01T00:00:00Z"));
      for (int i = from; i < to; i++) {
        var person = GeneratedPeople.person(i);
        insert.setLong(1, FIRST_ID + i);
        insert.setLong(2, customer);
        insert.setString(3, person.fullName());
        insert.setString(4, person.email());
        insert.setString(5, person.phone());
        insert.setString(6, person.postalAddress());
        insert.setTimestamp(7, created);
        insert.addBatch();
        if ((i - from + 1) % 10_000 == 0 || i == to - 1) {
          insert.executeBatch();
          company.commit();
        }
      }
    } finally {
      company.setAutoCommit(true);
    }
    if (postgres) {
      try (Statement statement = company.createStatement()) {
        // as autovacuum would soon: the planner chooses the indexes by the table's statistics, and a table read
        // by index needs its visibility map set so as not to visit every row the index points at
        statement.execute("VACUUM ANALYZE contact_person");
      }
    }
  }

  /** Support cases reported by one person, with a line of notes each, their ids from {@code firstId}. */
  private static void addCases(Connection company, long customer, String email, long firstId, int count)
      throws SQLException {
    company.setAutoCommit(false);
    try (PreparedStatement insert = company.prepareStatement("""
        INSERT INTO support_case (id, case_no, customer_id, reporter_name, reporter_email, subject, notes, opened_at)
        VALUES (?, ?, ?, 'Mange Sager', ?, 'Printeren virker ikke', ?, ?)""")) {
      for (int i = 0; i < count; i++) {
        insert.setLong(1, firstId + i);
        insert.setString(2, "B-" + (firstId - FIRST_ID + i));
        insert.setLong(3, customer);
        insert.setString(4, email);
        insert.setString(5, "Kunden ringede om printeren igen. Vi genstartede den og lukkede sagen.");
        insert.setTimestamp(6, Timestamp.from(Instant.parse("2025-01-01T00:00:00Z")));
        insert.addBatch();
      }
      insert.executeBatch();
      company.commit();
    }
    company.setAutoCommit(true);
  }

  /** How many contact persons bear this name: what a lookup by name alone has to return. */
  private static long namesakes(Connection company, String fullName) throws SQLException {
    try (PreparedStatement count = company.prepareStatement(
        "SELECT COUNT(*) FROM contact_person WHERE LOWER(full_name) = LOWER(?)")) {
      count.setString(1, fullName);
      try (var rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1) - 1;
      }
    }
  }

  /** An access request with every identifier the person's record holds, so that every declared condition is used. */
  private static String accessRequest(RequestIntake intake, GeneratedPeople.Person person) {
    return intake.registerByOfficer(new NewRequest("ACCESS", null, person.fullName(), person.email(), person.phone(),
        person.postalAddress(), "da", null, "EMAIL",
        TestClock.now().minus(Duration.ofHours(1)), true, "Benchmark: identity checked", null, null, List.of(), null), "officer").reference();
  }

  private interface Work {
    void run() throws Exception;
  }

  private static List<Long> timed(int times, Work work) throws Exception {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < times; i++) {
      long start = System.nanoTime();
      work.run();
      millis.add((System.nanoTime() - start) / 1_000_000);
    }
    return millis;
  }

  private static long median(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static String summary(List<Long> millis) {
    List<Long> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return String.format(Locale.ROOT, "median %,d ms, max %,d ms (runs %s)", sorted.get(sorted.size() / 2),
        sorted.get(sorted.size() - 1), millis);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
