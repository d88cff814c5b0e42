package dk.mico.rightsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * A load driver, not a test: 1,000 e-mails wait in the GDPR mailbox when the application starts, and it measures how
 * long the application takes to turn them all into officer tasks and flag them handled. The driver serves the mailbox
 * itself (an IMAP server on 127.0.0.1, port benchmark.imapPort, default 3993, login gdpr@mico.dk / gdpr as in the
 * demo profile), fills it, and then waits for an application started against it. Run it as docs/benchmarks.md says:
 *
 * <pre>./mvnw -q test -Dtest=InboxBenchmark -Dbenchmark.url=http://localhost:18088</pre>
 *
 * Only an application on this machine is watched; the mails go to the driver's own mailbox and nowhere else.
 */
class InboxBenchmark {

  private static final String URL = System.getProperty("benchmark.url");
  private static final int MAILS = Integer.getInteger("benchmark.mails", 1000);
  private static final int IMAP_PORT = Integer.getInteger("benchmark.imapPort", 3993);
  private static final String MAILBOX = "gdpr@mico.dk";
  private static final String HANDLED_KEYWORD = "RightsDeskHandled";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void measureAFullMailboxAtStart() throws Exception {
    assumeTrue(URL != null, "run with -Dbenchmark.url=http://localhost:18088 and start the application against it");
    assertThat(URI.create(URL).getHost()).as("only an application on this machine")
        .isIn("localhost", "127.0.0.1", "::1");
    GreenMail imap = new GreenMail(new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
    imap.start();
    try {
      GreenMailUser user = imap.setUser(MAILBOX, MAILBOX, "gdpr");
      String run = Long.toString(System.currentTimeMillis(), 36);
      Session session = Session.getInstance(new Properties());
      for (int i = 0; i < MAILS; i++) {
        user.deliver(mail(session, run, i));
      }
      System.out.printf("%d mails wait in %s on 127.0.0.1:%d; start the application now%n", MAILS, MAILBOX,
          IMAP_PORT);

      Instant deadline = Instant.now().plus(Duration.ofMinutes(30));
      while (!ready()) {
        assertThat(Instant.now()).as("the application did not start").isBefore(deadline);
        Thread.sleep(200);
      }
      Instant started = Instant.now();
      long before = newMails();
      Instant firstFlagged = null;
      while (true) {
        int flagged = flagged(imap, user);
        if (firstFlagged == null && flagged > 0) {
          firstFlagged = Instant.now();
        }
        if (flagged == MAILS && newMails() - before >= MAILS) {
          break;
        }
        assertThat(Instant.now()).as("mails still waiting: %d of %d flagged", flagged, MAILS).isBefore(deadline);
        Thread.sleep(200);
      }
      Instant done = Instant.now();
      System.out.printf("%d mails: application ready -> first flagged %d ms, -> all stored as NEW with a task and"
              + " flagged handled %d ms (%.1f mails/s)%n", MAILS, Duration.between(started, firstFlagged).toMillis(),
          Duration.between(started, done).toMillis(),
          MAILS * 1000.0 / Math.max(1, Duration.between(started, done).toMillis()));
    } finally {
      imap.stop();
    }
  }

  /** A typical request: a few lines of Danish text, from a sender of its own. */
  private static MimeMessage mail(Session session, String run, int i) throws Exception {
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("bench-" + run + "-" + i + "@example.dk"));
    message.setRecipients(MimeMessage.RecipientType.TO, MAILBOX);
    message.setSubject("Indsigt " + i, "UTF-8");
    message.setText("Hej MICO,\n\njeg vil gerne have indsigt i de oplysninger, I har om mig.\n\nVenlig hilsen\nBench "
        + i, "UTF-8");
    message.setHeader("Message-ID", "<bench-" + run + "-" + i + "@example.dk>");
    return message;
  }

  private static int flagged(GreenMail imap, GreenMailUser user) throws Exception {
    List<StoredMessage> messages = imap.getManagers().getImapHostManager().getInbox(user).getMessages();
    return (int) messages.stream().filter(m -> m.getFlags().contains(HANDLED_KEYWORD)).count();
  }

  private boolean ready() {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(URL + "/actuator/health/readiness")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (Exception notYet) {
      return false;
    }
  }

  /** The e-mails waiting for the officer, as a manager may count them. */
  private long newMails() throws Exception {
    String basic = Base64.getEncoder().encodeToString("manager:manager".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(URL + "/api/officer/inbox/counts"))
        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode counts = json.readTree(response.body());
    return counts.path("NEW").asLong();
  }
}
