package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.AppProcess;
import dk.mico.rightsdesk.support.WebappSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Crash recovery of the packaged application in its default profile (demo: H2 file under ./data): a burst of public
 * submissions, SIGKILL the moment the last of them is answered while a second batch is still being submitted, a
 * restart on the same ./data, and then every request that got its 202 must be there with its process, and its
 * acknowledgement must go out exactly once; the jobs the killed JVM held locked must run within a minute of the
 * restart, not when their locks run out.
 *
 * <p>The application runs as a separate JVM started from target/rights-desk-*.jar, so this test needs the jar that
 * {@code package} builds before failsafe runs. Its output goes to target/crash-recovery-it/.
 */
class CrashRecoveryIT {

  /** Submissions of the first batch: the kill follows the last of their 202s at once. */
  private static final int FIRST_BATCH = 25;
  private static final int FIRST_BATCH_THREADS = 4;
  /** Threads that keep submitting until the kill, so that the kill falls into submissions under way. */
  private static final int SECOND_BATCH_THREADS = 2;

  /** Waiting for the job executor; generous because the machine may be busy. */
  private static final Duration MAIL_DEADLINE = Duration.ofSeconds(120);

  /**
   * The jobs the killed JVM had locked run this soon after the restarted app is ready: the node takes back its own
   * locks at start (docs/operations.md), under the application's own lock time.
   */
  private static final Duration LOCKED_JOBS_DEADLINE = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LOG_DIR = Path.of("target", "crash-recovery-it");

  private Path workDir;
  private AppProcess app;

  @BeforeEach
  void freshWorkingDirectory() throws IOException {
    workDir = Files.createTempDirectory("rightsdesk-crash-");
    app = new AppProcess("app", workDir, LOG_DIR, AppProcess.freePort(), List.of(
        "--rightsdesk.mail.embedded-port=" + AppProcess.freePort(),
        // the demo's GDPR mailbox too, so that a demo running on this machine does not keep the app from starting
        "--rightsdesk.mail.embedded-imap-port=" + AppProcess.freePort(),
        "--rightsdesk.intake.max-per-client-per-hour=100000",
        "--rightsdesk.intake.max-per-email-per-day=100000"));
  }

  @AfterEach
  void stopAppAndCleanUp() throws Exception {
    try {
      app.stop();
    } finally {
      FileSystemUtils.deleteRecursively(workDir);
    }
  }

  @Test
  void everyAcknowledgedRequestSurvivesSigkillWithItsProcess() throws Exception {
    Instant firstStart = Instant.now();
    app.start();
    Duration firstStartup = Duration.between(firstStart, Instant.now());

    // --- the burst, and the kill the moment the first batch's last 202 arrives -------------------------------------
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<String> answeredDuringKill = Collections.synchronizedList(new ArrayList<>());
    List<String> refused = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean killStarted = new AtomicBoolean();
    AtomicInteger secondBatchSent = new AtomicInteger();
    AtomicInteger secondBatchCutOff = new AtomicInteger();
    CountDownLatch firstBatchAnswered = new CountDownLatch(FIRST_BATCH);
    AtomicInteger nextFirst = new AtomicInteger();
    AtomicInteger nextSecond = new AtomicInteger();

    ExecutorService submitters = Executors.newFixedThreadPool(FIRST_BATCH_THREADS + SECOND_BATCH_THREADS);
    int exitStatus;
    try {
      for (int t = 0; t < SECOND_BATCH_THREADS; t++) {
        submitters.submit(() -> {
          while (!killStarted.get()) {
            int n = nextSecond.incrementAndGet();
            secondBatchSent.incrementAndGet();
            try {
              HttpResponse<String> response = app.submit(request("second-" + n));
              String reference = AppProcess.referenceOf(response);
              if (killStarted.get()) {
                // answered while the kill was under way: not counted as acknowledged before the kill
                secondBatchCutOff.incrementAndGet();
                if (reference != null) {
                  answeredDuringKill.add(reference);
                }
              } else if (reference != null) {
                acknowledged.add(reference);
              } else {
                refused.add("second-" + n + ": " + response.statusCode() + " " + response.body());
              }
            } catch (IOException e) {
              if (killStarted.get()) {
                secondBatchCutOff.incrementAndGet();
              } else {
                refused.add("second-" + n + ": " + e);
              }
            }
          }
          return null;
        });
      }
      for (int t = 0; t < FIRST_BATCH_THREADS; t++) {
        submitters.submit(() -> {
          for (int n = nextFirst.incrementAndGet(); n <= FIRST_BATCH; n = nextFirst.incrementAndGet()) {
            try {
              HttpResponse<String> response = app.submit(request("first-" + n));
              String reference = AppProcess.referenceOf(response);
              if (reference != null) {
                acknowledged.add(reference);
              } else {
                refused.add("first-" + n + ": " + response.statusCode() + " " + response.body());
              }
            } catch (IOException e) {
              refused.add("first-" + n + ": " + e);
            } finally {
              firstBatchAnswered.countDown();
            }
          }
          return null;
        });
      }

      assertThat(firstBatchAnswered.await(AppProcess.STARTUP_DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .as("the first batch is answered%s", app.logTail()).isTrue();
      killStarted.set(true);
      exitStatus = app.kill();
    } finally {
      submitters.shutdown();
      assertThat(submitters.awaitTermination(60, TimeUnit.SECONDS)).as("the submitters end after the kill").isTrue();
    }
    assertThat(app.isAlive()).isFalse();
    assertThat(exitStatus).as("exit status of a JVM killed by SIGKILL (128 + 9)").isEqualTo(137);
    assertThat(refused).as("submissions refused before the kill%s", app.logTail()).isEmpty();
    assertThat(acknowledged).as("references acknowledged before the kill").hasSizeGreaterThan(FIRST_BATCH)
        .doesNotHaveDuplicates();
    assertThat(secondBatchCutOff.get()).as("second-batch submissions under way when the kill came").isPositive();
    Path firstLog = app.log();
    List<String> lockedAtKill = lockedJobs();
    assertThat(lockedAtKill).as("jobs the killed JVM held locked (log: %s)", firstLog).isNotEmpty();

    // --- restart on the same ./data and ports ----------------------------------------------------------------------
    Instant restart = Instant.now();
    app.start();
    Instant ready = Instant.now();
    Duration secondStartup = Duration.between(restart, ready);
    List<String> notRun = waitForJobsToRun(lockedAtKill, ready.plus(LOCKED_JOBS_DEADLINE));
    System.out.printf("CrashRecoveryIT: %d job(s) the killed JVM held locked; %d run %.1f s after the restarted app "
            + "was ready%n", lockedAtKill.size(), lockedAtKill.size() - notRun.size(),
        Duration.between(ready, Instant.now()).toMillis() / 1000.0);
    assertThat(notRun).as("jobs the killed JVM held locked, not run %s after the restart%s", LOCKED_JOBS_DEADLINE,
        app.logTail()).isEmpty();
    System.out.printf("CrashRecoveryIT: first start %d ms, restart %d ms; %d acknowledged before the kill "
            + "(%d first batch, %d second batch of %d sent, %d cut off by the kill, %d of them answered during it)%n",
        firstStartup.toMillis(), secondStartup.toMillis(), acknowledged.size(), FIRST_BATCH,
        acknowledged.size() - FIRST_BATCH, secondBatchSent.get(), secondBatchCutOff.get(),
        answeredDuringKill.size());

    // every acknowledged request is there, waiting for the subject's confirmation, with its receipt in the history;
    // all of them are checked before failing, so that a failure names everything that was lost
    List<String> lost = new ArrayList<>();
    for (String reference : acknowledged) {
      HttpResponse<String> response = app.get("/api/officer/requests/" + reference, "officer", "officer");
      if (response.statusCode() != 200) {
        lost.add(reference + " (" + response.statusCode() + ")");
        continue;
      }
      JsonNode request = JSON.readTree(response.body());
      List<String> steps = new ArrayList<>();
      request.path("history").forEach(step -> steps.add(step.path("step").asText()));
      if (!request.path("status").asText().equals("AWAITING_CONFIRMATION") || !steps.contains("RECEIVED")) {
        lost.add(reference + " (status " + request.path("status").asText() + ", history " + steps + ")");
      }
    }
    assertThat(lost).as("acknowledged before the kill, but missing or changed after the restart, of %s: %s "
        + "(log of the killed app: %s)%s", acknowledged.size(), acknowledged, firstLog, app.logTail()).isEmpty();

    // ...and exactly one process instance for each, as Cockpit sees them
    WebappSession cockpit = new WebappSession(app.port());
    assertThat(cockpit.login("cockpit", "admin", "admin")).as("admin logs into Cockpit").isEqualTo(200);
    List<String> withoutProcess = new ArrayList<>();
    for (String reference : acknowledged) {
      String key = URLEncoder.encode(reference, StandardCharsets.UTF_8);
      // the processes it calls (the e-mail confirmation, the deadline watch) share its reference
      String main = "&processDefinitionKey=DataSubjectRequestProcess";
      JsonNode running = engineList(cockpit, "/process-instance?maxResults=10&businessKey=" + key + main);
      JsonNode instances = running.size() > 0 ? running
          : engineList(cockpit, "/history/process-instance?maxResults=10&processInstanceBusinessKey=" + key + main);
      if (instances.size() != 1) {
        withoutProcess.add(reference + " " + instances);
      }
    }
    assertThat(withoutProcess).as("acknowledged requests without exactly one DataSubjectRequestProcess instance "
        + "(log of the killed app: %s)%s", firstLog, app.logTail()).isEmpty();

    // --- the restarted job executor finishes what the dead one left ----------------------------------------------
    // The embedded SMTP server keeps mail only in memory: what the first JVM sent died with it. An acknowledgement
    // the letter archive shows as sent before the restart must not come again; every other one must now arrive,
    // once.
    Map<String, JsonNode> acknowledgements = new LinkedHashMap<>();
    Map<String, Integer> mails = Map.of();
    Instant mailDeadline = Instant.now().plus(MAIL_DEADLINE);
    while (true) {
      acknowledgements.clear();
      for (String reference : acknowledged) {
        acknowledgements.put(reference, acknowledgementLetter(reference));
      }
      mails = acknowledgementMails();
      boolean done = true;
      for (String reference : acknowledged) {
        JsonNode letter = acknowledgements.get(reference);
        if (letter == null || !"SENT".equals(letter.path("state").asText())
            || sentAfter(letter, restart) && mails.getOrDefault(reference, 0) == 0) {
          done = false;
        }
      }
      if (done) {
        break;
      }
      if (Instant.now().isAfter(mailDeadline)) {
        fail("Acknowledgements still missing after %s: letters %s, mails after the restart %s%s", MAIL_DEADLINE,
            acknowledgements, mails, app.logTail());
      }
      Thread.sleep(1000);
    }
    // settle: a duplicate would come from a job that runs again, so look once more after the executor's next round
    Thread.sleep(6000);
    mails = acknowledgementMails();
    int sentBeforeKill = 0;
    for (String reference : acknowledged) {
      boolean sentByRestartedApp = sentAfter(acknowledgements.get(reference), restart);
      if (!sentByRestartedApp) {
        sentBeforeKill++;
      }
      assertThat(mails.getOrDefault(reference, 0))
          .as("acknowledgement e-mails for %s after the restart (letter %s)", reference,
              acknowledgements.get(reference))
          .isEqualTo(sentByRestartedApp ? 1 : 0);
    }
    System.out.printf("CrashRecoveryIT: %d acknowledgements went out before the kill, %d after the restart%n",
        sentBeforeKill, acknowledged.size() - sentBeforeKill);
  }

  // --- the jobs the killed JVM held -----------------------------------------------------------------------------

  /** The jobs whose lock had not run out, read from the killed app's database (no JVM holds it now). */
  private List<String> lockedJobs() throws SQLException {
    String url = "jdbc:h2:file:" + workDir.resolve("data").resolve("rightsdesk").toAbsolutePath();
    List<String> locked = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(url, "sa", "");
        PreparedStatement query = db.prepareStatement(
            "SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ > ?")) {
      query.setTimestamp(1, Timestamp.from(Instant.now()));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          locked.add(rows.getString(1));
        }
      }
    }
    return locked;
  }

  /** Waits until these jobs have run (are gone from the engine) or the deadline passes; answers those still there. */
  private List<String> waitForJobsToRun(List<String> jobIds, Instant deadline) throws Exception {
    WebappSession cockpit = new WebappSession(app.port());
    assertThat(cockpit.login("cockpit", "admin", "admin")).as("admin logs into Cockpit").isEqualTo(200);
    List<String> waiting = new ArrayList<>(jobIds);
    while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
      waiting.removeIf(id -> engineStatus(cockpit, "/job/" + id) == 404);
      if (!waiting.isEmpty()) {
        Thread.sleep(500);
      }
    }
    return waiting;
  }

  private int engineStatus(WebappSession session, String path) {
    try {
      return session.get("/camunda/api/engine/engine/default" + path).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- HTTP ------------------------------------------------------------------------------------------------------

  private static Map<String, String> request(String who) {
    return Map.of(
        "type", "ACCESS",
        "name", "Crash Test " + who,
        "email", who + "@crash.example.dk",
        "language", "en",
        "details", "Submitted by CrashRecoveryIT");
  }

  private JsonNode acknowledgementLetter(String reference) throws IOException, InterruptedException {
    HttpResponse<String> response = app.get("/api/officer/requests/" + reference, "officer", "officer");
    assertThat(response.statusCode()).as("%s%s", reference, app.logTail()).isEqualTo(200);
    for (JsonNode letter : JSON.readTree(response.body()).path("letters")) {
      if ("ACKNOWLEDGEMENT".equals(letter.path("kind").asText())) {
        return letter;
      }
    }
    return null;
  }

  /** A list query of the webapps' engine API (list queries need maxResults: queryMaxResultsLimit). */
  private JsonNode engineList(WebappSession session, String query) throws IOException, InterruptedException {
    HttpResponse<String> response = session.get("/camunda/api/engine/engine/default" + query);
    assertThat(response.statusCode()).as("%s: %s", query, response.body()).isEqualTo(200);
    JsonNode list = JSON.readTree(response.body());
    assertThat(list.isArray()).as("%s: %s", query, response.body()).isTrue();
    return list;
  }

  /** Acknowledgement e-mails the running app's embedded SMTP server received, counted by reference. */
  private Map<String, Integer> acknowledgementMails() throws IOException, InterruptedException {
    HttpResponse<String> response = app.get("/dev/mailbox", "admin", "admin");
    assertThat(response.statusCode()).as("/dev/mailbox%s", app.logTail()).isEqualTo(200);
    Map<String, Integer> counts = new HashMap<>();
    for (JsonNode mail : JSON.readTree(response.body())) {
      String subject = mail.path("subject").asText();
      if (subject.startsWith("We have received your request ")) {
        counts.merge(subject.substring(subject.lastIndexOf(' ') + 1), 1, Integer::sum);
      }
    }
    return counts;
  }

  private static boolean sentAfter(JsonNode letter, Instant moment) {
    String deliveredAt = letter == null ? "" : letter.path("deliveredAt").asText("");
    return !deliveredAt.isEmpty() && OffsetDateTime.parse(deliveredAt).toInstant().isAfter(moment);
  }
}
