package dk.mico.rightsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.MailSink;
import jakarta.mail.MessagingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A load driver, not a test: it runs only when asked for, against an application that is already running, and
 * measures intake (time to the 202) and the time from receipt to the acknowledgement letter leaving. The numbers go
 * to docs/benchmarks.md. Run it as described there:
 *
 * <pre>./mvnw -q test -Dtest=IntakeBenchmark -Dbenchmark.url=http://localhost:8080</pre>
 *
 * With {@code -Dbenchmark.smtpPort=…} the driver is the SMTP server too (the application started with
 * {@code --spring.mail.host=127.0.0.1 --spring.mail.port=…}) and also measures from the start of each POST until the
 * letter arrived in that server. The clients start together, so {@code -Dbenchmark.requests=50
 * -Dbenchmark.clients=50} is fifty people submitting at the same moment.
 *
 * Requests are bounded (benchmark.requests, default 200) and go only to the given URL, which must be on this machine.
 */
class IntakeBenchmark {

  private static final String URL = System.getProperty("benchmark.url");
  private static final int REQUESTS = Integer.getInteger("benchmark.requests", 200);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
  /** ACCESS (waits for the acknowledgement), or DIRECT_MARKETING / CONSENT_WITHDRAWAL (wait for the answer). */
  private static final String KIND = System.getProperty("benchmark.kind", "ACCESS");
  private static final Integer SMTP_PORT = Integer.getInteger("benchmark.smtpPort");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void measureIntakeAndAcknowledgement() throws Exception {
    assumeTrue(URL != null, "run with -Dbenchmark.url=http://localhost:8080 against a running application");
    String host = URI.create(URL).getHost();
    assertThat(host).as("only an application on this machine").isIn("localhost", "127.0.0.1", "::1");
    String run = Long.toString(System.currentTimeMillis(), 36);
    MailSink sink = SMTP_PORT == null ? null : new MailSink(SMTP_PORT);
    Map<String, Instant> arrivals = new ConcurrentHashMap<>();
    ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
    if (sink != null) {
      sink.start();
      // an arrival is when the driver first saw the letter in its server: at most one poll (10 ms) late
      watcher.scheduleWithFixedDelay(() -> {
        try {
          sink.letterKeys().forEach(key -> arrivals.putIfAbsent(key, Instant.now()));
        } catch (MessagingException e) {
          throw new IllegalStateException(e);
        }
      }, 0, 10, TimeUnit.MILLISECONDS);
    }

    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    CountDownLatch together = new CountDownLatch(1);
    List<Future<Submitted>> futures = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String email = "bench-" + run + "-" + i + "@example.dk";
      futures.add(pool.submit(() -> {
        together.await();
        return submit(email);
      }));
    }
    Instant start = Instant.now();
    together.countDown();
    List<Submitted> submitted = new ArrayList<>();
    for (Future<Submitted> future : futures) {
      submitted.add(future.get());
    }
    Duration intakeWall = Duration.between(start, Instant.now());
    pool.shutdown();

    // wait (bounded) until every acknowledgement has left, then read when each did from the letter archive
    Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
    List<Long> receiptToAcknowledgement = new ArrayList<>();
    List<Long> postToArrival = new ArrayList<>();
    for (Submitted s : submitted) {
      while (true) {
        JsonNode view = json.readTree(get("/api/officer/requests/" + s.reference()));
        JsonNode letter = letter(view);
        JsonNode delivered = letter.path("deliveredAt");
        Instant arrived = arrivals.get(
            MailSink.letterKey(letter.path("recipient").asText(), letter.path("subjectLine").asText()));
        if (!delivered.isMissingNode() && !delivered.isNull() && (sink == null || arrived != null)) {
          Instant received = OffsetDateTime.parse(view.path("receivedAt").asText()).toInstant();
          receiptToAcknowledgement.add(
              Duration.between(received, OffsetDateTime.parse(delivered.asText()).toInstant()).toMillis());
          if (sink != null) {
            postToArrival.add(Duration.between(s.posted(), arrived).toMillis());
          }
          break;
        }
        assertThat(Instant.now()).as("acknowledgements still missing").isBefore(deadline);
        Thread.sleep(200);
      }
    }
    watcher.shutdownNow();
    if (sink != null) {
      sink.stop();
    }
    List<Long> intake = submitted.stream().map(Submitted::millis).toList();
    System.out.printf("%nIntake: %d requests from %d clients in %d ms (%.1f requests/s)%n", REQUESTS, CLIENTS,
        intakeWall.toMillis(), REQUESTS * 1000.0 / intakeWall.toMillis());
    System.out.println("Intake latency (202), ms:            " + percentiles(intake));
    System.out.println("Receipt to " + (KIND.equals("ACCESS") ? "acknowledgement" : "answer letter")
        + " sent, ms: " + percentiles(receiptToAcknowledgement));
    if (sink != null) {
      System.out.println("POST to " + (KIND.equals("ACCESS") ? "acknowledgement" : "answer letter")
          + " in the SMTP server, ms: " + percentiles(postToArrival));
    }
  }

  /** The letter whose sending ends the measured span: the acknowledgement, or the answer of the automated rights. */
  private static JsonNode letter(JsonNode view) {
    String kind = KIND.equals("ACCESS") ? "ACKNOWLEDGEMENT" : "ANSWER";
    for (JsonNode letter : view.path("letters")) {
      if (letter.path("kind").asText().equals(kind)) {
        return letter;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private Submitted submit(String email) throws Exception {
    String type = switch (KIND) {
      case "DIRECT_MARKETING" -> "\"type\": \"OBJECTION\", \"objectionScope\": \"DIRECT_MARKETING\"";
      case "CONSENT_WITHDRAWAL" -> "\"type\": \"CONSENT_WITHDRAWAL\"";
      default -> "\"type\": \"ACCESS\"";
    };
    String body = "{" + type + ", \"name\": \"Bench Person\", \"email\": \"" + email + "\"}";
    Instant posted = Instant.now();
    long before = System.nanoTime();
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(URL + "/api/requests"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - before) / 1_000_000;
    assertThat(response.statusCode()).as("intake answered %s", response.body()).isEqualTo(202);
    return new Submitted(json.readTree(response.body()).path("reference").asText(), posted, millis);
  }

  private String get(String path) throws Exception {
    String basic = Base64.getEncoder().encodeToString("officer:officer".getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(URL + path)).header("Authorization", "Basic " + basic)
        .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static String percentiles(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return "p50 %d, p95 %d, p99 %d, max %d".formatted(at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
        sorted.get(sorted.size() - 1));
  }

  private static long at(List<Long> sorted, double quantile) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
  }

  private record Submitted(String reference, Instant posted, long millis) {}
}
