package dk.mico.rightsdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.support.CountingSmtpServer;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The outbox's own rules: the retry schedule, holds between nodes, a resend that is the same letter, and rounds
 * that go over one connection and stop at their first failure.
 */
@RightsDeskSpringTest
class OutboxTests {

  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired Outbox outbox;
  @Autowired MailGateway gateway;
  @Autowired OutboxProperties properties;
  @Autowired JdbcClient db;
  @Autowired MockMvc mvc;
  @Autowired JavaMailSenderImpl mailSender;

  /** A test's own SMTP server, when it needs to count connections or make the server fail. */
  CountingSmtpServer smtp;
  int embeddedPort;

  @BeforeEach
  @AfterEach
  void reset() {
    driver.reset();
  }

  @AfterEach
  void backToTheEmbeddedServer() throws Exception {
    if (smtp != null) {
      mailSender.setPort(embeddedPort);
      smtp.close();
      smtp = null;
    }
  }

  @Test
  void retriesStartAfterFifteenSecondsAndDoubleUpToTwoMinutes() {
    assertThat(List.of(1, 2, 3, 4, 5, 50)).map(properties::retryAfter).containsExactly(Duration.ofSeconds(15),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(2),
        Duration.ofMinutes(2));
  }

  @Test
  void aFailedMailWaitsItsRetryWithJitterAndNoNodeTakesItEarlier() throws Exception {
    String email = "retry.reader@example.dk";
    driver.mailServer().stop();
    api.submitPublic("""
        {"type": "ERASURE", "name": "Retry Reader", "email": "%s"}""".formatted(email));
    driver.runDueJobs();
    Instant failedAt = TestClock.now();
    for (OffsetDateTime next : db.sql("SELECT next_attempt_at FROM mail_outbox").query(OffsetDateTime.class).list()) {
      assertThat(next.toInstant()).isBetween(failedAt.plusSeconds(12), failedAt.plusSeconds(18));
    }
    driver.mailServer().start();
    driver.runDueJobs();
    assertThat(driver.mailTo(email)).as("not before its retry").isEmpty();
    driver.setTime(Date.from(failedAt.plusSeconds(18)));
    driver.runDueJobs();
    assertThat(driver.mailTo(email)).hasSize(2);
    assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single())
        .as("a delivered mail leaves no copy of its secrets").isZero();
  }

  @Test
  void aDeadNodesMailGoesAgainWhenItsHoldRunsOutAsTheSameLetterWithAWorkingLink() throws Exception {
    String email = "resend.reader@example.dk";
    // the letters are queued, and wait for their retry after an outage
    driver.mailServer().stop();
    String reference = api.submitPublic("""
        {"type": "ERASURE", "name": "Resend Reader", "email": "%s"}""".formatted(email));
    driver.runDueJobs();
    driver.mailServer().start();
    Instant now = TestClock.now().plusSeconds(20);
    driver.setTime(Date.from(now));

    // a node takes the confirmation letter, hands it to the server and dies before it can remove it
    long id = db.sql("SELECT id FROM mail_outbox WHERE mail_key LIKE ?").param(reference + "/CONFIRMATION_LINK%")
        .query(Long.class).single();
    Outbox.QueuedMail held = outbox.claim(List.of(id), "dead-node", now, now.plus(properties.claimFor())).get(0);
    try (MailGateway.Connection connection = gateway.connect()) {
      connection.send(held.key(), held.to(), held.subjectLine(), held.body());
    }

    driver.runDueJobs();
    assertThat(driver.mailTo(email)).extracting(TestDriver::subject).as("held by a node that may still be sending")
        .containsExactly("Bekræft din e-mailadresse – anmodning " + reference, "Vi har modtaget din anmodning "
            + reference);
    driver.setTime(Date.from(now.plus(properties.claimFor()).plusSeconds(1)));
    driver.runDueJobs();

    List<MimeMessage> copies = driver.mailTo(email).stream()
        .filter(m -> TestDriver.subject(m).startsWith("Bekræft")).toList();
    assertThat(copies).hasSize(2);
    assertThat(copies.get(1).getMessageID()).as("a receiver can drop the copy").isEqualTo(copies.get(0).getMessageID());
    assertThat(TestDriver.body(copies.get(1))).isEqualTo(TestDriver.body(copies.get(0)));
    String token = TestDriver.linkToken(copies.get(1), "confirm");
    mvc.perform(post("/confirm/" + token).with(csrf())).andExpect(status().isOk());
  }

  @Test
  void aRoundTakesItsBatchInQueuedOrderAndAnotherRoundTakesNoneOfItUntilTheHoldRunsOut() {
    Instant now = TestClock.now();
    outbox.queue("held/1", null, "first@example.dk", "First", "Body", now);
    outbox.queue("held/2", null, "second@example.dk", "Second", "Body", now);
    List<Long> due = outbox.due(now, properties.batchSize());
    Instant until = now.plus(properties.claimFor());

    assertThat(outbox.claim(due, "round-a", now, until)).extracting(Outbox.QueuedMail::key)
        .containsExactly("held/1", "held/2");
    assertThat(outbox.claim(due, "round-b", now, until)).as("held by a round that may still be sending").isEmpty();
    Instant holdOver = until.plusSeconds(1);
    assertThat(outbox.claim(due, "round-c", holdOver, holdOver.plus(properties.claimFor())))
        .extracting(Outbox.QueuedMail::key).containsExactly("held/1", "held/2");
  }

  @Test
  void theLettersOfARoundGoOverOneConnectionEachRecordedAsSent() throws Exception {
    sendThroughCountingServer();
    List<String> references = new ArrayList<>();
    for (String name : List.of("Ane Batch", "Bo Batch", "Carl Batch")) {
      references.add(api.submitPublic("""
          {"type": "ERASURE", "name": "%s", "email": "%s@example.dk"}""".formatted(name,
          name.toLowerCase(Locale.ROOT).replace(' ', '.'))));
    }
    driver.runDueJobs();

    assertThat(receivedBy()).as("each request's acknowledgement and confirmation link").containsExactlyInAnyOrder(
        "ane.batch@example.dk", "ane.batch@example.dk", "bo.batch@example.dk", "bo.batch@example.dk",
        "carl.batch@example.dk", "carl.batch@example.dk");
    assertThat(smtp.connections()).isEqualTo(1);
    for (String reference : references) {
      JsonNode view = api.view(reference);
      assertThat(view.path("letters").findValuesAsText("state")).containsOnly("SENT");
      assertThat(view.path("history").findValuesAsText("step")).contains("LETTER_SENT");
    }
    assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single()).isZero();
  }

  @Test
  void aFailureStopsTheRoundTheMailsBeforeItStaySentTheFailedOneWaitsItsRetryAndTheRestTheNextRound()
      throws Exception {
    sendThroughCountingServer();
    List<String> recipients = List.of("first@example.dk", "second@example.dk", "refused@example.dk",
        "fourth@example.dk", "fifth@example.dk");
    queue(recipients);
    smtp.onDelivery(to -> {
      if (to.equals("refused@example.dk")) {
        throw new IllegalStateException("the server fails in the middle of the session");
      }
    });
    Instant failedAt = TestClock.now();
    driver.deliverMail();

    assertThat(receivedBy()).containsExactly("first@example.dk", "second@example.dk");
    assertThat(smtp.connections()).isEqualTo(1);
    assertThat(db.sql("SELECT recipient, attempts, last_failure, next_attempt_at, claimed_by FROM mail_outbox"
        + " ORDER BY id").query((rs, row) -> List.of(rs.getString(1), rs.getInt(2),
        String.valueOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class).toInstant().isAfter(failedAt),
        String.valueOf(rs.getString(5)))).list())
        .as("the failed mail waits for its retry; the ones after it were never tried and are free to go")
        .containsExactly(List.of("refused@example.dk", 1, "MailSendException", true, "null"),
            List.of("fourth@example.dk", 0, "null", false, "null"),
            List.of("fifth@example.dk", 0, "null", false, "null"));

    smtp.onDelivery(to -> { });
    driver.deliverMail();
    assertThat(receivedBy()).as("the rest at the next round, the failed one not before its retry")
        .containsExactly("first@example.dk", "second@example.dk", "fourth@example.dk", "fifth@example.dk");
    driver.setTime(Date.from(failedAt.plusSeconds(18)));
    driver.deliverMail();
    assertThat(receivedBy()).as("each once").containsExactly("first@example.dk", "second@example.dk",
        "fourth@example.dk", "fifth@example.dk", "refused@example.dk");
    assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single()).isZero();
  }

  @Test
  void aRoundStartsNoSendOnceHalfItsHoldHasPassedSoThatASlowServerKeepsNoMailPastItsHold() throws Exception {
    sendThroughCountingServer();
    queue(List.of("first@example.dk", "second@example.dk", "third@example.dk"));
    Instant start = TestClock.now();
    // the first send takes just over half the hold
    smtp.onDelivery(to -> driver.setTime(Date.from(start.plus(properties.claimFor().dividedBy(2)).plusSeconds(1))));
    driver.deliverMail();

    assertThat(receivedBy()).containsExactly("first@example.dk");
    assertThat(db.sql("SELECT COUNT(*) FROM mail_outbox WHERE attempts = 0 AND claimed_by IS NULL")
        .query(Integer.class).single()).as("given back untried, for any node to send at once").isEqualTo(2);
    driver.deliverMail();
    assertThat(receivedBy()).containsExactly("first@example.dk", "second@example.dk", "third@example.dk");
  }

  private void sendThroughCountingServer() throws Exception {
    smtp = new CountingSmtpServer();
    embeddedPort = mailSender.getPort();
    mailSender.setPort(smtp.port());
  }

  /** Queues a mail to each recipient, in this order, as a staff notice is queued (no letter of a request). */
  private void queue(List<String> recipients) {
    for (int i = 0; i < recipients.size(); i++) {
      outbox.queue("OUTBOX-TEST/" + i, null, recipients.get(i), "Notice " + i, "A notice.", TestClock.now());
    }
  }

  private List<String> receivedBy() {
    return smtp.received().stream().map(TestDriver::recipients).map(to -> to.get(0)).toList();
  }
}
