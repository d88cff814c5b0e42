package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.mico.rightsdesk.inbox.Inbox;
import dk.mico.rightsdesk.inbox.InboxState;
import dk.mico.rightsdesk.inbox.ReceivedEmail;
import dk.mico.rightsdesk.retention.RecordRetention;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A closed request's record is kept 5 years after it closed, then deleted with everything kept for it. */
@RightsDeskSpringTest
class RecordRetentionTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired RecordRetention retention;
  @Autowired Inbox inbox;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  @AfterEach
  void reset() {
    driver.reset();
  }

  @Test
  void closedRequestIsKeptFiveYearsThenDeletedWithItsLettersAndSteps() throws Exception {
    String email = "retention.person@example.dk";
    Instant start = TestClock.now();
    String reference = api.submitPublic("""
        {"type": "ACCESS", "name": "Retention Person", "email": "%s", "language": "en"}""".formatted(email));
    driver.runDueJobs();
    String statusToken = TestDriver.linkToken(driver.onlyMailTo(email, "We have received"), "status");
    mvc.perform(post("/status/" + statusToken + "/withdraw").param("confirmWithdrawal", "yes").with(csrf()));
    driver.runDueJobs();
    long id = jdbc.sql("SELECT id FROM dsr_request WHERE reference = ?").param(reference).query(Long.class).single();
    assertThat(rows("letter", id)).isEqualTo(3);

    driver.setTime(Date.from(start.plus(Duration.ofDays(5 * 365))));
    retention.deleteExpired();
    assertThat(api.view(reference).path("status").asText()).as("still kept within 5 years").isEqualTo("CLOSED");

    driver.setTime(Date.from(start.plus(Duration.ofDays(1827))));
    retention.deleteExpired();
    mvc.perform(get("/api/officer/requests/" + reference).with(httpBasic("officer", "officer")))
        .andExpect(status().isNotFound());
    assertThat(rows("letter", id) + rows("dsr_request_step", id) + rows("email_confirmation", id)).isZero();
  }

  @Test
  void mailsToTheGdprMailboxGoWithTheirRequestOrAfterTheirOwnRetentionWhenNoRequest() throws Exception {
    String email = "retention.mailer@example.dk";
    Instant start = TestClock.now();
    String reference = api.submitPublic("""
        {"type": "ACCESS", "name": "Retention Mailer", "email": "%s", "language": "en"}""".formatted(email));
    driver.runDueJobs();
    String statusToken = TestDriver.linkToken(driver.onlyMailTo(email, "We have received"), "status");
    mvc.perform(post("/status/" + statusToken + "/withdraw").param("confirmWithdrawal", "yes").with(csrf()));
    driver.runDueJobs();
    long reply = mail(email, "Re: " + reference, start);
    assertThat(inbox.get(reply).state()).isEqualTo(InboxState.ATTACHED);
    driver.submitAsOfficer(tasks.createTaskQuery().processInstanceBusinessKey("INBOX-" + reply).singleResult(),
        java.util.Map.of("emailRead", true));
    long advertising = mail("shop@example.dk", "Cheap pens", start);
    inbox.dismiss(advertising, "Advertising", "officer");
    driver.runDueJobs(); // both flagged in the mailbox

    driver.setTime(Date.from(start.plus(Duration.ofDays(5 * 365))));
    retention.deleteExpired();
    assertThat(emailRows(reply, advertising)).as("both kept within 5 years").isEqualTo(2);

    driver.setTime(Date.from(start.plus(Duration.ofDays(1827))));
    retention.deleteExpired();
    assertThat(emailRows(reply, advertising)).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM inbound_email_request WHERE inbound_email_id = ?").param(reply)
        .query(Long.class).single()).isZero();
  }

  /** An e-mail read from the GDPR mailbox (as the poller hands it over), by its id. */
  private long mail(String from, String subject, Instant arrived) {
    String unique = subject + " " + java.util.UUID.randomUUID();
    inbox.receive(new ReceivedEmail("<" + java.util.UUID.randomUUID() + "@example.dk>", 0, 0, arrived, from, null,
        unique, "Text", null, true, "", false));
    return jdbc.sql("SELECT id FROM inbound_email WHERE subject = ?").param(unique).query(Long.class).single();
  }

  private long emailRows(long... ids) {
    return jdbc.sql("SELECT COUNT(*) FROM inbound_email WHERE id IN (:ids)")
        .param("ids", java.util.Arrays.stream(ids).boxed().toList()).query(Long.class).single();
  }

  @Test
  void requestWithAnErasureScheduledAfterALegalPeriodIsKeptUntilThatErasureHasRun() throws Exception {
    String email = "kept.invoice@example.dk";
    Instant start = TestClock.now();
    String reference = api.submitPublic("""
        {"type": "ERASURE", "name": "Kept Invoice", "email": "%s", "language": "en"}""".formatted(email));
    driver.runDueJobs();
    String statusToken = TestDriver.linkToken(driver.onlyMailTo(email, "We have received"), "status");
    mvc.perform(post("/status/" + statusToken + "/withdraw").param("confirmWithdrawal", "yes").with(csrf()));
    driver.runDueJobs();
    long id = jdbc.sql("SELECT id FROM dsr_request WHERE reference = ?").param(reference).query(Long.class).single();
    // as the legal-basis review leaves it: an invoice kept for the bookkeeping act until 6 years from now
    LocalDate keptUntil = LocalDate.ofInstant(start, ZoneId.of("Europe/Copenhagen")).plusYears(6);
    jdbc.sql("""
        INSERT INTO request_proposal (request_id, system_id, table_name, record_id, categories, proposal, article,
          reason, kept_until) VALUES (?, 'accounting', 'invoice', '1', 'invoices', 'KEEP', '17(3)(b)',
          'erasure.retention', ?)""").params(id, keptUntil).update();

    driver.setTime(Date.from(start.plus(Duration.ofDays(1827))));
    retention.deleteExpired();
    assertThat(api.view(reference).path("status").asText()).as("kept while its erasure is ahead").isEqualTo("CLOSED");

    driver.setTime(Date.from(keptUntil.plusDays(31).atStartOfDay(ZoneId.of("Europe/Copenhagen")).toInstant()));
    retention.deleteExpired();
    assertThat(rows("dsr_request_step", id) + rows("request_proposal", id)).isZero();
  }

  private int rows(String table, long requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE request_id = ?").param(requestId)
        .query(Integer.class).single();
  }
}
