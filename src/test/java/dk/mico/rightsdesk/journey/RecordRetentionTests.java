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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A closed request's whole record is kept 3 years after it closed, then reduced to a minimal log (F36) that is kept
 * until 5 years after it closed, then deleted with everything kept for it.
 */
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
    assertThat(api.view(reference).path("status").asText()).as("its minimal log kept within 5 years")
        .isEqualTo("CLOSED");

    driver.setTime(Date.from(start.plus(Duration.ofDays(1827))));
    retention.deleteExpired();
    mvc.perform(get("/api/officer/requests/" + reference).with(httpBasic("officer", "officer")))
        .andExpect(status().isNotFound());
    assertThat(rows("letter", id) + rows("dsr_request_step", id) + rows("email_confirmation", id)).isZero();
  }

  @Test
  void f36_closedRequestIsReducedToAMinimalLogAfterThreeYearsAndTheRegisterStillCountsIt() throws Exception {
    Instant start = TestClock.now();
    String reference = closedRequest("reduced.person@example.dk", "Reduced Person");
    long id = idOf(reference);
    // an officer's free-text note may name the subject; a coded note (the channel) may stay
    jdbc.sql("INSERT INTO dsr_request_step (request_id, occurred_at, step, actor, note) VALUES (?, ?, ?, ?, ?)")
        .params(id, start.atOffset(java.time.ZoneOffset.UTC), "FEE_ACCEPTED", "officer", "Reduced Person paid")
        .update();
    String receivedNote = stepNote(id, "RECEIVED");
    assertThat(receivedNote).isNotNull();

    driver.setTime(Date.from(start.plus(Duration.ofDays(1095))));
    retention.deleteExpired();
    assertThat(personalColumns(id)).as("kept whole within 3 years").contains("Reduced Person");
    assertThat(rows("letter", id)).isPositive();

    Instant reducedOn = start.plus(Duration.ofDays(1097));
    driver.setTime(Date.from(reducedOn));
    retention.deleteExpired();
    assertThat(personalColumns(id)).as("no personal data left").isEqualTo(java.util.Collections.nCopies(14, null));
    assertThat(rows("letter", id) + rows("email_confirmation", id) + rows("request_identifier", id)
        + rows("request_finding", id) + rows("request_change", id) + rows("delivery", id)).isZero();
    assertThat(stepNote(id, "FEE_ACCEPTED")).as("free text blanked").isNull();
    assertThat(stepNote(id, "RECEIVED")).as("coded note kept").isEqualTo(receivedNote);
    var view = api.view(reference);
    assertThat(view.path("type").asText()).isEqualTo("ACCESS");
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(view.path("receivedAt").isMissingNode()).isFalse();
    assertThat(view.path("history").size()).isPositive();
    assertThat(view.path("reducedAt").asText()).startsWith(
        LocalDate.ofInstant(reducedOn, ZoneId.of("Europe/Copenhagen")).toString());
    assertThat(view.path("letters").size()).isZero();
    String caseFile = mvc.perform(get("/api/officer/requests/" + reference + "/case-file")
            .with(httpBasic("officer", "officer")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(caseFile).contains("Reduced to its minimal log",
        LocalDate.ofInstant(reducedOn, ZoneId.of("Europe/Copenhagen")).toString(), "WITHDRAWN", "RECEIVED");
    assertThat(caseFile).doesNotContain("Reduced Person", "reduced.person@example.dk");
    String register = mvc.perform(get("/api/officer/requests/export.csv").with(httpBasic("officer", "officer")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(register).as("the register still counts it").contains(reference);

    String before = personalColumns(id) + "|" + steps(id) + "|" + view.path("reducedAt").asText();
    driver.setTime(Date.from(start.plus(Duration.ofDays(1200))));
    retention.deleteExpired();
    assertThat(personalColumns(id) + "|" + steps(id) + "|" + api.view(reference).path("reducedAt").asText())
        .as("reducing twice changes nothing").isEqualTo(before);

    driver.setTime(Date.from(start.plus(Duration.ofDays(1827))));
    retention.deleteExpired();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM dsr_request WHERE id = ?").param(id).query(Integer.class).single())
        .as("the minimal log goes after 5 years").isZero();
    assertThat(rows("dsr_request_step", id)).isZero();
  }

  @Test
  void f36_aRequestClosedLessThanThreeYearsAgoOrStillOpenIsNotReduced() throws Exception {
    Instant start = TestClock.now();
    String open = api.submitPublic("""
        {"type": "ACCESS", "name": "Open Person", "email": "open.person@example.dk", "language": "en"}""");
    driver.runDueJobs();
    driver.setTime(Date.from(start.plus(Duration.ofDays(400))));
    String younger = closedRequest("younger.person@example.dk", "Younger Person");

    driver.setTime(Date.from(start.plus(Duration.ofDays(1400))));
    retention.deleteExpired();
    assertThat(personalColumns(idOf(open))).as("open for more than 3 years: never reduced").contains("Open Person");
    assertThat(personalColumns(idOf(younger))).as("closed 1000 days ago").contains("Younger Person");
    assertThat(api.view(younger).path("reducedAt").isMissingNode()).isTrue();
  }

  /** A request made through the public form and withdrawn by the subject: closed now. */
  private String closedRequest(String email, String name) throws Exception {
    String reference = api.submitPublic("""
        {"type": "ACCESS", "name": "%s", "email": "%s", "language": "en"}""".formatted(name, email));
    driver.runDueJobs();
    String statusToken = TestDriver.linkToken(driver.onlyMailTo(email, "We have received"), "status");
    mvc.perform(post("/status/" + statusToken + "/withdraw").param("confirmWithdrawal", "yes").with(csrf()));
    driver.runDueJobs();
    return reference;
  }

  private long idOf(String reference) {
    return jdbc.sql("SELECT id FROM dsr_request WHERE reference = ?").param(reference).query(Long.class).single();
  }

  /** Every column of the request that may hold personal data or free text about the subject. */
  private List<String> personalColumns(long id) {
    return jdbc.sql("""
            SELECT subject_name, subject_email, subject_phone, postal_address, details, representative_name,
              identity_note, identity_missing, identity_request_futile, status_token_hash, answer_actions,
              answer_reason, art12_5_facts, extension_reason FROM dsr_request WHERE id = ?""")
        .param(id)
        .query((rs, n) -> {
          List<String> values = new java.util.ArrayList<>();
          for (int column = 1; column <= 14; column++) {
            values.add(rs.getString(column));
          }
          return values;
        })
        .single();
  }

  private String stepNote(long id, String step) {
    List<String> notes = jdbc.sql("SELECT note FROM dsr_request_step WHERE request_id = ? AND step = ?")
        .params(id, step).query((rs, n) -> rs.getString("note")).list();
    assertThat(notes).hasSize(1);
    return notes.get(0);
  }

  private List<String> steps(long id) {
    return jdbc.sql("SELECT step || ':' || COALESCE(note, '') FROM dsr_request_step WHERE request_id = ? ORDER BY id")
        .param(id).query(String.class).list();
  }

  @Test
  void mailsToTheGdprMailboxGoWhenTheirRequestIsReducedOrAfterTheirOwnRetentionWhenNoRequest() throws Exception {
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

    driver.setTime(Date.from(start.plus(Duration.ofDays(1095))));
    retention.deleteExpired();
    assertThat(emailRows(reply, advertising)).as("both kept within 3 years").isEqualTo(2);

    driver.setTime(Date.from(start.plus(Duration.ofDays(5 * 365))));
    retention.deleteExpired();
    assertThat(emailRows(reply)).as("the reply holds what the subject wrote: it goes when its request is reduced")
        .isZero();
    assertThat(emailRows(advertising)).as("kept within 5 years").isEqualTo(1);

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
