package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.notification.LetterKind;
import dk.mico.rightsdesk.notification.SubjectLetters;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * An SMTP outage holds up no legal action and no step: letters wait in the outbox, are retried on its own short
 * schedule, go once each when the server is back, and a mail failing for a day is an incident in Cockpit.
 */
@RightsDeskSpringTest
class SmtpOutageTests {

  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired SubjectLetters letters;
  @Autowired JavaMailSenderImpl mailSender;
  @Autowired JdbcClient db;

  @Value("${rightsdesk.company.datasources.company.url}") String companyUrl;

  @BeforeEach
  @AfterEach
  void reset() {
    driver.reset();
  }

  @Test
  void anObjectionToDirectMarketingTakesEffectWhileTheMailServerIsDownAndItsAnswerGoesOnceWhenItIsBack()
      throws Exception {
    // a subscriber of the company's newsletter, as its website signs one up
    String email = "outage.reader@example.dk";
    company().sql("INSERT INTO newsletter_subscriber (id, email, full_name, consent_at, consent_source) "
        + "VALUES ((SELECT MAX(id) + 1 FROM newsletter_subscriber), ?, 'Outage Reader', CURRENT_TIMESTAMP, 'website')")
        .param(email).update();
    driver.mailServer().stop();

    String reference = api.submitPublic("""
        {"type": "OBJECTION", "objectionScope": "DIRECT_MARKETING", "name": "Outage Reader", "email": "%s"}"""
        .formatted(email));
    driver.runDueJobs();

    // Art 21(3): the marketing stopped, the request is answered and closed; only the letters wait
    assertThat(newsletterRows(email)).as("unsubscribed though no mail can go").isZero();
    JsonNode view = api.view(reference);
    assertThat(view.path("changes").findValuesAsText("action")).contains("DELETED", "SUPPRESSION_ADDED");
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("letters").findValuesAsText("state")).containsOnly("COMPOSED");
    assertThat(view.path("history").findValuesAsText("step")).doesNotContain("LETTER_SENT");
    assertThat(runtime.createIncidentQuery().count()).as("nobody needs to press retry").isZero();

    // back within the capped retry wait (2 minutes, +20 % jitter) of the server's return, with no one's help
    driver.mailServer().start();
    driver.setTime(Date.from(TestClock.now().plus(Duration.ofMinutes(3))));
    driver.runDueJobs();
    assertThat(driver.mailTo(email)).extracting(TestDriver::subject)
        .containsExactly("Svar på din anmodning " + reference);
    view = api.view(reference);
    assertThat(view.path("letters").findValuesAsText("state")).containsOnly("SENT");
    assertThat(view.path("history").findValuesAsText("step")).contains("LETTER_SENT");
    assertThat(driver.mailTo("privacy@postbudet.example")).as("the Art 19 notice went too").hasSize(1);

    // nothing is due any more: another round sends nothing twice
    driver.setTime(Date.from(TestClock.now().plus(Duration.ofHours(1))));
    driver.runDueJobs();
    assertThat(driver.mailTo(email)).hasSize(1);
  }

  @Test
  void aLetterFailingForADayIsAnIncidentInCockpitWithTheRequestIntactAndTheIncidentClearsWhenItGoes()
      throws Exception {
    String email = "niels.krogh@example.dk";
    driver.mailServer().stop();
    String reference = api.submitPublic("""
        {"type": "ERASURE", "name": "Niels Krogh", "email": "%s"}""".formatted(email));
    driver.runDueJobs();
    assertThat(runtime.createIncidentQuery().count()).isZero();

    Instant firstFailure = TestClock.now();
    driver.setTime(Date.from(firstFailure.plus(Duration.ofHours(23))));
    driver.runDueJobs();
    assertThat(runtime.createIncidentQuery().count()).as("not yet a day").isZero();
    driver.setTime(Date.from(firstFailure.plus(Duration.ofHours(24))));
    driver.runDueJobs();

    Incident incident = runtime.createIncidentQuery().incidentType("undeliveredMail").list().stream()
        .filter(i -> i.getConfiguration().equals(reference + "/ACKNOWLEDGEMENT")).findFirst().orElseThrow();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(incident.getProcessInstanceId())
        .singleResult().getBusinessKey()).as("found in Cockpit by the reference").isEqualTo(reference);
    assertThat(incident.getIncidentMessage()).contains(reference, "not delivered")
        .doesNotContain(email, "Niels");
    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).as("the request is intact").isEqualTo("AWAITING_CONFIRMATION");
    assertThat(view.path("letters").findValuesAsText("state")).containsOnly("COMPOSED");

    driver.mailServer().start();
    driver.setTime(Date.from(TestClock.now().plus(Duration.ofMinutes(3))));
    driver.runDueJobs();
    assertThat(driver.mailTo(email)).extracting(TestDriver::subject)
        .containsExactly("Vi har modtaget din anmodning " + reference,
            "Bekræft din e-mailadresse – anmodning " + reference);
    assertThat(runtime.createIncidentQuery().count()).as("cleared when the mail went").isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("UndeliveredMailProcess").count())
        .isZero();
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("UndeliveredMailProcess")
        .processInstanceBusinessKey(reference).finished().count()).isPositive();

    // a job that runs again after success finds the letter and queues nothing
    letters.send(reference, LetterKind.ACKNOWLEDGEMENT);
    driver.runDueJobs();
    assertThat(driver.mailTo(email)).hasSize(2);
  }

  @Test
  void aMailServerThatAcceptsAndNeverAnswersHoldsUpNothing() throws Exception {
    String email = "hanging.reader@example.dk";
    try (ServerSocket hanging = new ServerSocket(0)) {
      int port = mailSender.getPort();
      mailSender.setPort(hanging.getLocalPort());
      try {
        String reference = api.submitPublic("""
            {"type": "OBJECTION", "objectionScope": "DIRECT_MARKETING", "name": "Hanging Reader", "email": "%s"}"""
            .formatted(email));
        // the connection is accepted (backlog) and never greeted: the mail client's read timeout ends the try
        driver.runDueJobs();
        JsonNode view = api.view(reference);
        assertThat(view.path("status").asText()).as("answered and closed").isEqualTo("CLOSED");
        assertThat(view.path("changes").findValuesAsText("action")).contains("SUPPRESSION_ADDED");
        assertThat(db.sql("SELECT last_failure FROM mail_outbox").query(String.class).list())
            .as("the try failed and waits for its retry").containsOnly("MailSendException");
      } finally {
        mailSender.setPort(port);
      }
    }
    driver.setTime(Date.from(TestClock.now().plus(Duration.ofMinutes(3))));
    driver.runDueJobs();
    assertThat(driver.mailTo(email)).hasSize(1);
  }

  private int newsletterRows(String email) {
    return company().sql("SELECT COUNT(*) FROM newsletter_subscriber WHERE LOWER(email) = ?")
        .param(email.toLowerCase(Locale.ROOT)).query(Integer.class).single();
  }

  private JdbcClient company() {
    return JdbcClient.create(new DriverManagerDataSource(companyUrl, "sa", ""));
  }
}
