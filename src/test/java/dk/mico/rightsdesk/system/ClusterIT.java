package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.support.AppProcess;
import dk.mico.rightsdesk.support.MailSink;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Two nodes of the packaged application on one PostgreSQL database (issue 16): 200 objections to direct marketing
 * and 50 access requests through the public API, spread over both; one node is killed with SIGKILL half-way through
 * the burst. Every request that got its 202 must then complete on the survivor, every letter must arrive exactly
 * once, and the test prints how long the survivor took to take over the dead node's jobs.
 *
 * <p>The nodes run the demo profile (demo users, the demo company's systems) with the postgres profile for the
 * engine's database. The demo company's systems live in their own database ({@code rightsdesk.company.datasources
 * .company}, an H2 file under ./data in the demo profile): here a second PostgreSQL database that both nodes share,
 * migrated by the first node to start, so that both nodes change the same newsletter and suppression list. Mail goes
 * to an SMTP sink in this JVM (spring.mail.host set, so the embedded demo mail server stays off), which keeps what
 * the killed node sent. Skipped, with a message, when no PostgreSQL answers on 127.0.0.1:5432.
 *
 * <p>"Complete" is where a request's automated work ends: an objection to direct marketing closed as fulfilled with
 * its suppression entry and its answer letter; an access request, whose subject here confirms the e-mail link,
 * waiting for a person (the search of the system kept by hand and then the review of the report are officer tasks)
 * with no job of its own left, its acknowledgement and confirmation letter sent.
 */
class ClusterIT {

  private static final int OBJECTIONS = 200;
  private static final int ACCESS_REQUESTS = 50;
  private static final int SUBMITTERS = 4;
  /** The kill follows this many 202s: half-way through the burst, with jobs of both nodes under way. */
  private static final int KILL_AFTER = (OBJECTIONS + ACCESS_REQUESTS) / 2;

  /**
   * A wait, not a speed limit: the dead node's jobs wait for their locks to run out (the application's lock time,
   * not shortened here), then one node on two cores works off the rest.
   */
  private static final Duration COMPLETION_DEADLINE = Duration.ofMinutes(10);
  /** A duplicate would come from a job that runs again: look once more after the executor's next rounds. */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String USER = System.getenv().getOrDefault("PGUSER", "postgres");
  private static final Path LOG_DIR = Path.of("target", "cluster-it");

  private final String database = "rightsdesk_cluster_" + UUID.randomUUID().toString().replace("-", "");
  private final String companyDatabase = database + "_company";

  private MailSink sink;
  private Path workDir;
  private AppProcess survivor;
  private AppProcess victim;
  /** Set just before the SIGKILL: from then on, the victim's failures to answer are the kill's doing. */
  private final AtomicBoolean victimKilled = new AtomicBoolean();

  @BeforeEach
  void databasesSinkAndNodes() throws Exception {
    assumeTrue(createDatabases(), "a PostgreSQL server on 127.0.0.1:5432 (trust auth) is needed");
    sink = new MailSink(AppProcess.freePort());
    sink.start();
    workDir = Files.createTempDirectory("rightsdesk-cluster-");
    survivor = node("node-a");
    victim = node("node-b");
    // one after the other: the first creates the engine's schema, migrates both databases and creates the demo users
    survivor.start();
    victim.start();
  }

  @AfterEach
  void stopEverything() throws Exception {
    try {
      if (victim != null) {
        victim.stop();
      }
      if (survivor != null) {
        survivor.stop();
      }
      if (sink != null) {
        sink.stop();
      }
    } finally {
      dropDatabases();
      if (workDir != null) {
        FileSystemUtils.deleteRecursively(workDir);
      }
    }
  }

  @Test
  void everyAcknowledgedRequestCompletesOnceWhenOneOfTwoNodesIsKilled() throws Exception {
    // --- the burst over both nodes, and the SIGKILL half-way ------------------------------------------------------
    List<Submission> work = new ArrayList<>();
    for (int n = 1; n <= OBJECTIONS + ACCESS_REQUESTS; n++) {
      // every fifth an access request, so that both kinds run through the kill
      work.add(n % 5 == 0 ? Submission.access(n) : Submission.objection(n));
    }
    assertThat(work).filteredOn(Submission::isAccess).hasSize(ACCESS_REQUESTS);

    Map<String, Submission> acknowledged = new ConcurrentHashMap<>();
    List<String> refused = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    AtomicInteger cutOff = new AtomicInteger();
    Object killLock = new Object();
    AtomicReference<Instant> killedAt = new AtomicReference<>();
    AtomicReference<Map<String, String>> lockedAtKill = new AtomicReference<>();

    ExecutorService submitters = Executors.newFixedThreadPool(SUBMITTERS);
    try {
      for (int t = 0; t < SUBMITTERS; t++) {
        submitters.submit(() -> {
          for (int i = next.getAndIncrement(); i < work.size(); i = next.getAndIncrement()) {
            Submission submission = work.get(i);
            AppProcess node = i % 2 == 0 || victimKilled.get() ? survivor : victim;
            String reference = submitOnce(node, submission, refused);
            if (reference == null && killedNode(node)) {
              // the kill cut this one off: the client tries the other node, as a subject's browser would be sent
              // there by the load balancer; under a new address, because the cut-off one may have been stored
              cutOff.incrementAndGet();
              submission = submission.retried();
              reference = submitOnce(survivor, submission, refused);
            }
            if (reference != null) {
              acknowledged.put(reference, submission);
            }
            if (acknowledged.size() >= KILL_AFTER) {
              synchronized (killLock) {
                if (!victimKilled.get()) {
                  victimKilled.set(true);
                  victim.kill();
                  killedAt.set(Instant.now());
                  lockedAtKill.set(lockedJobs());
                }
              }
            }
          }
          return null;
        });
      }
    } finally {
      submitters.shutdown();
      assertThat(submitters.awaitTermination(5, TimeUnit.MINUTES)).as("the burst ends").isTrue();
    }
    assertThat(refused).as("submissions refused other than by the kill%s", survivor.logTail()).isEmpty();
    assertThat(victimKilled).as("the kill came during the burst").isTrue();
    assertThat(acknowledged).as("every submission acknowledged, by one node or the other").hasSize(work.size());

    // --- the survivor finishes everything; the subjects of access requests confirm their e-mail ---------------------
    JobTakeover takeover = new JobTakeover(lockedAtKill.get());
    Set<String> confirmed = new HashSet<>();
    Instant deadline = killedAt.get().plus(COMPLETION_DEADLINE);
    Instant allDone;
    while (true) {
      takeover.look();
      confirmArrivedLinks(acknowledged, confirmed);
      List<String> incomplete = new ArrayList<>();
      int pendingJobs = pendingAsyncJobs();
      if (pendingJobs > 0) {
        // the officer views are read only once no job is left: 250 of them every two seconds would slow the node
        incomplete.add(pendingJobs + " async jobs still to run");
      } else {
        for (Map.Entry<String, Submission> request : acknowledged.entrySet()) {
          JsonNode view = survivor.officerView(request.getKey());
          if (!complete(request.getKey(), request.getValue(), view)) {
            incomplete.add(request.getKey() + " " + view.path("status").asText() + " "
                + view.path("history").findValuesAsText("step"));
          }
        }
      }
      if (incomplete.isEmpty()) {
        allDone = Instant.now();
        break;
      }
      if (Instant.now().isAfter(deadline)) {
        fail("Not complete %s after the kill: %s (jobs the killed node held at the kill: %d)%s",
            COMPLETION_DEADLINE, incomplete, takeover.held().size(), survivor.logTail());
      }
      Thread.sleep(2000);
    }

    // --- no letter twice, none lost --------------------------------------------------------------------------------
    Thread.sleep(SETTLE.toMillis());
    Map<String, Integer> received = sink.letterCounts();
    List<String> faults = new ArrayList<>();
    for (String reference : acknowledged.keySet()) {
      faults.addAll(MailSink.deliveryFaults(survivor.officerView(reference), received));
    }
    assertThat(faults).as("letters of acknowledged requests lost or sent twice").isEmpty();
    assertThat(MailSink.duplicates(received)).as("letters received more than once, by anyone").isEmpty();

    System.out.printf("ClusterIT: %d requests (%d objections to direct marketing, %d access requests) over 2 nodes, "
            + "one killed after %d acknowledgements; %d submissions cut off by the kill and sent again to the "
            + "survivor; %d mails received, none twice%n", work.size(), OBJECTIONS, ACCESS_REQUESTS, KILL_AFTER,
        cutOff.get(), received.values().stream().mapToInt(Integer::intValue).sum());
    System.out.printf("*** ClusterIT figures: recovery %s s (kill to the first job the killed node held running on "
            + "the survivor; %d jobs were held); all work done %d s after the kill ***%n",
        takeover.recoverySeconds(killedAt.get()), takeover.held().size(),
        Duration.between(killedAt.get(), allDone).toSeconds());
  }

  // --- the requests ------------------------------------------------------------------------------------------------

  /** One subject's submission; unique addresses, so no request is a duplicate of another. */
  private record Submission(String type, String email, Map<String, String> body) {

    static Submission objection(int n) {
      return of("OBJECTION", "objector-" + n + "@cluster.example");
    }

    static Submission access(int n) {
      return of("ACCESS", "asker-" + n + "@cluster.example");
    }

    private static Submission of(String type, String email) {
      Map<String, String> body = new LinkedHashMap<>(Map.of("type", type, "name", "Cluster Test",
          "email", email, "language", "en"));
      if (type.equals("OBJECTION")) {
        body.put("objectionScope", "DIRECT_MARKETING");
      }
      return new Submission(type, email, body);
    }

    Submission retried() {
      return of(type, "retried-" + email);
    }

    boolean isAccess() {
      return type.equals("ACCESS");
    }
  }

  /** The reference of a 202; null when the node did not answer or refused (refusals other than the kill's noted). */
  private String submitOnce(AppProcess node, Submission submission, List<String> refused) {
    try {
      HttpResponse<String> response = node.submit(submission.body());
      String reference = AppProcess.referenceOf(response);
      if (reference == null && !killedNode(node)) {
        refused.add(submission.email() + ": " + response.statusCode() + " " + response.body());
      }
      return reference;
    } catch (IOException e) {
      if (!killedNode(node)) {
        refused.add(submission.email() + ": " + e);
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private boolean killedNode(AppProcess node) {
    return node == victim && victimKilled.get();
  }

  /** Confirms, on the survivor, every access request whose confirmation letter has arrived. */
  private void confirmArrivedLinks(Map<String, Submission> acknowledged, Set<String> confirmed) throws Exception {
    for (Map.Entry<String, Submission> request : acknowledged.entrySet()) {
      if (!request.getValue().isAccess() || confirmed.contains(request.getKey())) {
        continue;
      }
      String token = sink.linkToken(request.getValue().email(),
          "Confirm your e-mail address – request " + request.getKey(), "confirm");
      if (token != null) {
        assertThat(survivor.confirm(token)).as("confirming %s", request.getKey()).isEqualTo(200);
        confirmed.add(request.getKey());
      }
    }
  }

  private boolean complete(String reference, Submission submission, JsonNode view) throws SQLException {
    Set<String> sent = new HashSet<>();
    view.path("letters").forEach(letter -> {
      if ("SENT".equals(letter.path("state").asText())) {
        sent.add(letter.path("kind").asText());
      }
    });
    if (!submission.isAccess()) {
      return view.path("status").asText().equals("CLOSED") && view.path("outcome").asText().equals("FULFILLED")
          && view.path("changes").findValuesAsText("action").stream().anyMatch(a -> a.startsWith("SUPPRESSION_"))
          && sent.contains("ANSWER");
    }
    return view.path("status").asText().equals("IN_PROGRESS")
        && view.path("history").findValuesAsText("step").contains("EMAIL_CONFIRMED")
        && sent.containsAll(List.of("ACKNOWLEDGEMENT", "CONFIRMATION_LINK"))
        && openTasks(reference) > 0;
  }

  private AppProcess node(String name) throws IOException {
    int port = AppProcess.freePort();
    return new AppProcess(name, Files.createDirectories(workDir.resolve(name)), LOG_DIR, port, List.of(
        "--spring.profiles.active=demo,postgres",
        "--spring.datasource.url=" + SERVER + database,
        "--spring.datasource.username=" + USER,
        "--spring.datasource.password=",
        "--rightsdesk.company.datasources.company.url=" + SERVER + companyDatabase,
        "--rightsdesk.company.datasources.company.username=" + USER,
        "--rightsdesk.company.datasources.company.password=",
        // a host turns the embedded demo mail server off (EmbeddedMailConfig); the GDPR mailbox lived on it
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + sink.port(),
        "--rightsdesk.inbox.host=",
        "--rightsdesk.controller.public-url=http://localhost:" + port,
        // every submission comes from this one client address
        "--rightsdesk.intake.max-per-client-per-hour=100000",
        "--rightsdesk.intake.max-per-email-per-day=100000"));
  }

  // --- the shared database, read directly: the jobs and their locks ------------------------------------------------

  /**
   * The jobs the killed node held at the kill, and the first moment one of them ran on the survivor: its row gone
   * (done) or its lock no longer the killed node's (the survivor took it, or a failure there released it). Lock
   * owners are the job executors' random ids; the survivor's is the one that locks jobs after the kill.
   */
  private final class JobTakeover {

    private final Map<String, String> lockedAtKill;
    private String survivorOwner;
    private Instant firstTakenOver;

    JobTakeover(Map<String, String> lockedAtKill) {
      this.lockedAtKill = lockedAtKill;
    }

    void look() throws SQLException {
      Map<String, String> now = lockedJobs();
      if (survivorOwner == null) {
        now.forEach((job, owner) -> {
          if (!lockedAtKill.containsKey(job)) {
            survivorOwner = owner;
          }
        });
      }
      if (survivorOwner != null && firstTakenOver == null
          && held().entrySet().stream().anyMatch(job -> !job.getValue().equals(now.get(job.getKey())))) {
        firstTakenOver = Instant.now();
      }
    }

    Map<String, String> held() {
      Map<String, String> held = new HashMap<>(lockedAtKill);
      held.values().removeIf(owner -> survivorOwner == null || owner.equals(survivorOwner));
      return held;
    }

    String recoverySeconds(Instant kill) {
      return firstTakenOver == null ? "n/a" : String.valueOf(Duration.between(kill, firstTakenOver).toSeconds());
    }
  }

  /** Job id to lock owner, for every locked job. */
  private Map<String, String> lockedJobs() throws SQLException {
    try (Connection db = engineDatabase(); ResultSet rows = db.createStatement()
        .executeQuery("SELECT id_, lock_owner_ FROM act_ru_job WHERE lock_owner_ IS NOT NULL")) {
      Map<String, String> owners = new HashMap<>();
      while (rows.next()) {
        owners.put(rows.getString(1), rows.getString(2));
      }
      return owners;
    }
  }

  /** Async continuations (message jobs), run or waiting for a retry; timers (the deadline watch) are not counted. */
  private int pendingAsyncJobs() throws SQLException {
    try (Connection db = engineDatabase(); ResultSet rows = db.createStatement()
        .executeQuery("SELECT COUNT(*) FROM act_ru_job WHERE type_ = 'message'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** Open user tasks in the processes of one request (the main process and the one it called share the key). */
  private int openTasks(String reference) throws SQLException {
    try (Connection db = engineDatabase(); PreparedStatement query = db.prepareStatement(
        "SELECT COUNT(*) FROM act_ru_task t JOIN act_ru_execution e ON t.proc_inst_id_ = e.id_ "
            + "WHERE e.business_key_ = ?")) {
      query.setString(1, reference);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private Connection engineDatabase() throws SQLException {
    return DriverManager.getConnection(SERVER + database, USER, "");
  }

  private boolean createDatabases() {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
      admin.createStatement().execute("CREATE DATABASE " + database);
      admin.createStatement().execute("CREATE DATABASE " + companyDatabase);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private void dropDatabases() {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
      admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
      admin.createStatement().execute("DROP DATABASE IF EXISTS " + companyDatabase + " WITH (FORCE)");
    } catch (SQLException e) {
      // leaving a test database behind is not worth failing the build over
    }
  }
}
