package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.support.AppProcess;
import dk.mico.rightsdesk.support.MailSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * An objection to direct marketing takes effect whether or not e-mail works (Art 21(3)), and the letters follow on
 * their own once the mail server is back (issue 16). The packaged application in its default profile (demo: H2 files
 * under a fresh ./data), its mail pointed at an SMTP sink in this JVM that is down at first: 20 objections, their
 * suppression entries in the company's systems within a minute, the outage held on (90 s from the first objection
 * unless told otherwise), then the sink started, and every answer must arrive within 5 minutes, once, with nobody
 * pressing "retry".
 */
class MailOutageIT {

  private static final int OBJECTIONS = 20;

  /** Waits, not speed limits: the promises to the subject and the company. */
  private static final Duration EFFECT_DEADLINE = Duration.ofMinutes(1);
  private static final Duration LETTERS_DEADLINE = Duration.ofMinutes(5);
  /**
   * How long the mail server stays down, from the first objection; the lock and retry settings are the
   * application's own. {@code -Drightsdesk.test.mail-outage=PT10M} tries a longer outage: a retry schedule that grows
   * past a few minutes (the engine's failed-job-retry-time-cycle) then leaves letters waiting long after the server
   * is back, which the 5 minutes below catch.
   */
  private static final Duration OUTAGE = Duration.parse(System.getProperty("rightsdesk.test.mail-outage", "PT90S"));
  /** A duplicate would come from a job that runs again: look once more after the executor's next rounds. */
  private static final Duration SETTLE = Duration.ofSeconds(10);

  private static final Path LOG_DIR = Path.of("target", "mail-outage-it");

  private Path workDir;
  private MailSink sink;
  private AppProcess app;

  @BeforeEach
  void appWithItsMailServerDown() throws Exception {
    workDir = Files.createTempDirectory("rightsdesk-mail-outage-");
    sink = new MailSink(AppProcess.freePort());
    int port = AppProcess.freePort();
    app = new AppProcess("app", workDir, LOG_DIR, port, List.of(
        // a host turns the embedded demo mail server off (EmbeddedMailConfig); the GDPR mailbox lived on it
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + sink.port(),
        "--rightsdesk.inbox.host=",
        "--rightsdesk.controller.public-url=http://localhost:" + port,
        // every submission comes from this one client address
        "--rightsdesk.intake.max-per-client-per-hour=100000"));
    app.start();
  }

  @AfterEach
  void stopEverything() throws Exception {
    try {
      app.stop();
      sink.stop();
    } finally {
      FileSystemUtils.deleteRecursively(workDir);
    }
  }

  @Test
  void objectionsTakeEffectThroughAnOutageAndEveryAnswerFollowsOnceWhenTheServerIsBack() throws Exception {
    Instant outageStarted = Instant.now();
    List<String> objections = new ArrayList<>();
    for (int n = 1; n <= OBJECTIONS; n++) {
      String reference = AppProcess.referenceOf(app.submit(Map.of("type", "OBJECTION",
          "objectionScope", "DIRECT_MARKETING", "name", "Outage Test", "email", "objector-" + n + "@outage.example",
          "language", "en")));
      assertThat(reference).as("objection %d acknowledged%s", n, app.logTail()).isNotNull();
      objections.add(reference);
    }

    // --- the law acts first: the suppression entry in the company's systems, whatever the mail server does --------
    Instant effectDeadline = Instant.now().plus(EFFECT_DEADLINE);
    while (true) {
      List<String> notInEffect = new ArrayList<>();
      for (String reference : objections) {
        if (!suppressed(app.officerView(reference))) {
          notInEffect.add(reference);
        }
      }
      if (notInEffect.isEmpty()) {
        break;
      }
      if (Instant.now().isAfter(effectDeadline)) {
        fail("Objections to direct marketing not in effect %s after they were made, with the mail server down: %s"
            + "%s", EFFECT_DEADLINE, notInEffect, app.logTail());
      }
      Thread.sleep(1000);
    }
    Duration effect = Duration.between(outageStarted, Instant.now());

    // --- the mail server comes back; every answer must follow on its own -------------------------------------------
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), outageStarted.plus(OUTAGE)).toMillis()));
    sink.start();
    Instant back = Instant.now();
    Instant lettersDeadline = back.plus(LETTERS_DEADLINE);
    Instant lastLetter;
    while (true) {
      Map<String, Integer> received = sink.letterCounts();
      List<String> waiting = new ArrayList<>();
      for (String reference : objections) {
        JsonNode view = app.officerView(reference);
        if (!answerSent(view) || !MailSink.deliveryFaults(view, received).isEmpty()) {
          waiting.add(reference);
        }
      }
      if (waiting.isEmpty()) {
        lastLetter = Instant.now();
        break;
      }
      if (Instant.now().isAfter(lettersDeadline)) {
        fail("Answers still not delivered %s after the mail server came back: %s%s", LETTERS_DEADLINE, waiting,
            app.logTail());
      }
      Thread.sleep(1000);
    }

    Thread.sleep(SETTLE.toMillis());
    Map<String, Integer> received = sink.letterCounts();
    List<String> faults = new ArrayList<>();
    for (String reference : objections) {
      faults.addAll(MailSink.deliveryFaults(app.officerView(reference), received));
    }
    assertThat(faults).as("answers lost or sent twice").isEmpty();
    assertThat(MailSink.duplicates(received)).as("letters received more than once").isEmpty();
    System.out.printf("*** MailOutageIT figures: %d objections in effect %d s after the first was made, the mail "
            + "server down for %d s; the last letter out %.1f min after it came back ***%n", OBJECTIONS,
        effect.toSeconds(), Duration.between(outageStarted, back).toSeconds(),
        Duration.between(back, lastLetter).toMillis() / 60_000.0);
  }

  /** The objection's suppression entry is in the company's newsletter system (added now, or kept from before). */
  private static boolean suppressed(JsonNode view) {
    return view.path("changes").findValuesAsText("action").stream().anyMatch(a -> a.startsWith("SUPPRESSION_"));
  }

  private static boolean answerSent(JsonNode view) {
    for (JsonNode letter : view.path("letters")) {
      if ("ANSWER".equals(letter.path("kind").asText()) && "SENT".equals(letter.path("state").asText())) {
        return true;
      }
    }
    return false;
  }
}
