package dk.mico.rightsdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The outbox's own rules: the retry schedule, holds between nodes, and a resend that is the same letter. */
@RightsDeskSpringTest
class OutboxTests {


  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired Outbox outbox;
  @Autowired MailGateway gateway;
  @Autowired OutboxProperties properties;
  @Autowired JdbcClient db;
  @Autowired MockMvc mvc;

  @BeforeEach
  @AfterEach
  void reset() {
    driver.reset();
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
    Outbox.QueuedMail held = outbox.claim(id, "dead-node", now, now.plus(properties.claimFor())).orElseThrow();
    gateway.send(held.key(), held.to(), held.subjectLine(), held.body());

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
}
