package dk.mico.rightsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A load driver, not a test: it fills a running application with open requests registered by the officer (receipts
 * spread over the last 40 days, so some are overdue), waits until each has its officer task, then measures the
 * managers' view (GET /api/officer/dashboard, its first page) and the CSV register as a manager calls them. The
 * numbers go to docs/benchmarks.md:
 *
 * <pre>./mvnw -q test -Dtest=DashboardBenchmark -Dbenchmark.url=http://localhost:8080</pre>
 *
 * benchmark.requests (default 1000) requests go only to the given URL, which must be on this machine.
 */
class DashboardBenchmark {

  private static final String URL = System.getProperty("benchmark.url");
  private static final int REQUESTS = Integer.getInteger("benchmark.requests", 1000);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
  private static final int CALLS = 20;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void measureTheManagersView() throws Exception {
    assumeTrue(URL != null, "run with -Dbenchmark.url=http://localhost:8080 against a running application");
    assertThat(URI.create(URL).getHost()).as("only an application on this machine")
        .isIn("localhost", "127.0.0.1", "::1");

    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Integer>> futures = new ArrayList<>();
    OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Europe/Copenhagen"));
    for (int i = 0; i < REQUESTS; i++) {
      OffsetDateTime receivedAt = now.minusMinutes(1).minusHours(i % (40 * 24));
      int n = i;
      futures.add(pool.submit(() -> register(n, receivedAt)));
    }
    for (Future<Integer> future : futures) {
      assertThat(future.get()).isEqualTo(201);
    }
    pool.shutdown();

    // wait (bounded) for the job executor to bring every request to its officer task
    Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
    JsonNode dashboard;
    while (true) {
      long withTask = 0;
      // the view answers a page at a time: read them all
      for (int offset = 0; ; offset += 1000) {
        dashboard = json.readTree(get("/api/officer/dashboard?limit=1000&offset=" + offset).body());
        for (JsonNode row : dashboard.path("requests")) {
          withTask += row.hasNonNull("currentTask") ? 1 : 0;
        }
        if (offset + 1000 >= dashboard.path("matchingRequests").asInt()) {
          break;
        }
      }
      if (withTask >= REQUESTS) {
        break;
      }
      assertThat(Instant.now()).as("requests still on their way to a task").isBefore(deadline);
      Thread.sleep(2000);
    }

    List<Long> view = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = get("/api/officer/dashboard");
      view.add((System.nanoTime() - start) / 1_000_000);
      assertThat(response.statusCode()).isEqualTo(200);
      bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
    }
    List<Long> filtered = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      get("/api/officer/dashboard?state=OVERDUE");
      filtered.add((System.nanoTime() - start) / 1_000_000);
    }
    List<Long> csv = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      long start = System.nanoTime();
      get("/api/officer/requests/export.csv");
      csv.add((System.nanoTime() - start) / 1_000_000);
    }
    System.out.printf("open requests %d, response %d bytes%n", dashboard.path("openRequests").asInt(), bytes);
    System.out.println("dashboard (ms): " + percentiles(view));
    System.out.println("dashboard ?state=OVERDUE (ms): " + percentiles(filtered));
    System.out.println("requests CSV (ms): " + percentiles(csv));
  }

  private int register(int n, OffsetDateTime receivedAt) throws Exception {
    String body = json.writeValueAsString(Map.of("type", n % 3 == 0 ? "ERASURE" : "ACCESS",
        "name", "Bench Person " + n, "email", "bench-dashboard-" + n + "@example.dk", "channel", "EMAIL",
        "receivedAt", receivedAt.toString(), "identityVerified", true, "identityNote", "benchmark"));
    return http.send(HttpRequest.newBuilder(URI.create(URL + "/api/officer/requests"))
        .header("Authorization", basic("officer")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(URL + path)).header("Authorization", basic("manager"))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private static String percentiles(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return "p50 %d, p95 %d, max %d".formatted(sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1), sorted.get(sorted.size() - 1));
  }
}
