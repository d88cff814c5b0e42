package dk.mico.rightsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.RightsDeskApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A load driver, not a test (issue 15): the managers' view and the CSV register with 100,000 open requests. The
 * application runs in this JVM on the demo profile (H2 file under target/, or a PostgreSQL database of its own); the
 * driver fills it in bulk, as the API would in months: request records written with SQL as the app stores them, and
 * for each its main process started with the engine's process-instance modification right at the officer's task
 * "Revise the answer" (without the task's listener, which fills the task's screen). Receipts spread over the last 40
 * days, so about a quarter are overdue and their tasks are past their due date (stuck); every 50th is extended. Then
 * it times the first page of {@code GET /api/officer/dashboard}, two filters and the CSV as a manager calls them.
 *
 * <pre>./mvnw -q test -Dtest=DashboardScaleBenchmark -Dbenchmark.dashboard=h2   (or =postgres)</pre>
 *
 * The H2 files stay under target/dashboard-benchmark (or -Dbenchmark.files), so a second run measures again without
 * filling; the
 * PostgreSQL database (dash_benchmark) stays too, unless -Dbenchmark.drop=true.
 */
class DashboardScaleBenchmark {

  private static final String DATABASE = System.getProperty("benchmark.dashboard");
  private static final int REQUESTS = Integer.getInteger("benchmark.requests", 100_000);
  private static final int CALLS = Integer.getInteger("benchmark.calls", 20);
  private static final int PORT = Integer.getInteger("benchmark.port", 18201);
  private static final int BATCH = 500;
  private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String PG_DATABASE = "dash_benchmark";
  private static final String PG_USER = System.getenv().getOrDefault("PGUSER", "postgres");
  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private String baseUrl;

  @Test
  void measureTheManagersViewAtScale() throws Exception {
    assumeTrue(DATABASE != null, "run with -Dbenchmark.dashboard=h2 or -Dbenchmark.dashboard=postgres");
    // the application runs on the machine's time: the suite's test clock stands still
    ClockUtil.reset();
    Path files = Files.createDirectories(Path.of(System.getProperty("benchmark.files", "target/dashboard-benchmark")))
        .toAbsolutePath();
    String databaseUrl = switch (DATABASE) {
      case "h2" -> BenchSupport.demoUrl("application-demo.yaml", "spring.datasource.url", files);
      case "postgres" -> PG_SERVER + postgresDatabase();
      default -> throw new IllegalArgumentException("benchmark.dashboard is h2 or postgres, not " + DATABASE);
    };
    List<String> arguments = new ArrayList<>(BenchSupport.demoOn(databaseUrl, PG_USER, files));
    arguments.addAll(List.of(
        "--server.port=" + PORT,
        "--rightsdesk.mail.embedded-port=" + (PORT + 1),
        "--rightsdesk.mail.embedded-imap-port=" + (PORT + 2),
        "--rightsdesk.inbox.host=",
        // nothing of the filled requests is due to run: keep the executor from competing with the measured calls
        "--camunda.bpm.job-execution.enabled=false",
        "--logging.level.root=WARN"));
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RightsDeskApplication.class)
        .run(arguments.toArray(String[]::new))) {
      baseUrl = "http://127.0.0.1:" + PORT;
      fill(app.getBean(JdbcTemplate.class), app.getBean(RuntimeService.class),
          app.getBean(TransactionTemplate.class));

      System.out.printf("%s, %s, %d open requests%n", DATABASE, BenchSupport.loadAverage(), REQUESTS);
      measure("dashboard, first page", "/api/officer/dashboard");
      measure("dashboard ?state=OVERDUE", "/api/officer/dashboard?state=OVERDUE");
      measure("dashboard ?state=STUCK&type=ERASURE", "/api/officer/dashboard?state=STUCK&type=ERASURE");
      measure("dashboard ?dueWithinDays=7, page 20", "/api/officer/dashboard?dueWithinDays=7&offset=1900&limit=100");
      measure("requests CSV", "/api/officer/requests/export.csv");
      System.out.printf("%s after the calls%n", BenchSupport.loadAverage());
    } finally {
      if (DATABASE.equals("postgres") && Boolean.getBoolean("benchmark.drop")) {
        try (Connection server = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "")) {
          server.createStatement().execute("DROP DATABASE IF EXISTS " + PG_DATABASE + " WITH (FORCE)");
        }
      }
    }
  }

  /** Adds request records and their processes until there are {@code REQUESTS} of the driver's own. */
  private void fill(JdbcTemplate jdbc, RuntimeService runtime, TransactionTemplate transactions) {
    int present = jdbc.queryForObject("SELECT COUNT(*) FROM dsr_request WHERE reference LIKE 'DSR-B%'",
        Integer.class);
    long start = System.nanoTime();
    ZonedDateTime now = ZonedDateTime.now(COPENHAGEN);
    for (int first = present; first < REQUESTS; first += BATCH) {
      int from = first;
      int to = Math.min(REQUESTS, first + BATCH);
      transactions.executeWithoutResult(status -> {
        List<Object[]> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
          rows.add(record(i, now));
        }
        jdbc.batchUpdate("""
            INSERT INTO dsr_request (reference, request_type, channel, language, received_at, original_due_date,
              due_date, extended, status, subject_name, subject_email, identity_verified, identity_note, created_at)
            VALUES (?, ?, 'EMAIL', 'da', ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, TRUE, 'benchmark', ?)""", rows);
        for (Object[] row : rows) {
          LocalDate due = (LocalDate) row[4];
          Date dueAt = Date.from(due.atTime(LocalTime.of(23, 59)).atZone(COPENHAGEN).toInstant());
          runtime.createProcessInstanceByKey("DataSubjectRequestProcess")
              .businessKey((String) row[0])
              .setVariables(Map.of("requestReference", row[0], "taskDueDate", dueAt, "firstMonthEndsAt", dueAt,
                  "fulfilmentProcess", "ERASURE".equals(row[1]) ? "ErasureRequestProcess" : "AccessRequestProcess",
                  "postalDelivery", false))
              .startBeforeActivity("UserTask_ReviseAnswer")
              // without the task's listener (it puts the request on the task's screen): nothing the view reads
              .execute(true, true);
        }
      });
      if ((to / BATCH) % 20 == 0 || to == REQUESTS) {
        System.out.printf("filled %d of %d (%d s)%n", to, REQUESTS, (System.nanoTime() - start) / 1_000_000_000);
      }
    }
  }

  /** The i-th request: received i hours ago modulo 40 days, due a month after receipt; every 50th extended. */
  private static Object[] record(int i, ZonedDateTime now) {
    ZonedDateTime received = now.minusMinutes(1).minusHours(i % (40 * 24));
    LocalDate originalDue = received.toLocalDate().plusMonths(1);
    boolean extended = i % 50 == 0;
    Timestamp receivedAt = Timestamp.from(received.toInstant());
    return new Object[] {"DSR-B%07d".formatted(i), i % 3 == 0 ? "ERASURE" : "ACCESS", receivedAt, originalDue,
        extended ? originalDue.plusMonths(2) : originalDue, extended, "Bench Person " + i,
        "bench-scale-" + i + "@example.dk", receivedAt};
  }

  private void measure(String what, String path) throws Exception {
    for (int i = 0; i < 2; i++) {
      get(path);
    }
    List<Long> times = new ArrayList<>();
    HttpResponse<byte[]> response = null;
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      response = get(path);
      times.add((System.nanoTime() - start) / 1_000_000);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    System.out.printf("%-40s %s; %d bytes%s%n", what + " (ms):", percentiles(times), response.body().length,
        body.startsWith("{") ? "; " + body.replaceAll("(?s)\"requests\":\\[.*]", "\"requests\":[…]") : "");
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "manager:manager".getBytes(StandardCharsets.UTF_8)))
        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String percentiles(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return "p50 %d, p95 %d, max %d".formatted(sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), sorted.get(sorted.size() - 1));
  }



  private static String postgresDatabase() throws SQLException {
    try (Connection server = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "")) {
      var exists = server.createStatement()
          .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DATABASE + "'");
      if (!exists.next()) {
        server.createStatement().execute("CREATE DATABASE " + PG_DATABASE);
      }
    }
    return PG_DATABASE;
  }

}
