package dk.mico.rightsdesk.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.notification.StaffNotices;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A request that cannot move on by itself is marked stuck on the managers' view with the reason (an incident, a step
 * failing and retrying, a task past its due date, a letter not delivered), and management's daily notice lists it;
 * neither names the person.
 */
@RightsDeskSpringTest
class StuckRequestsTests {

  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
  private static final String NAME = "Svend Standset";
  private static final String MANAGEMENT = "management@mico.dk";

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TestDriver driver;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcClient jdbc;
  @Autowired StaffNotices notices;
  @Autowired DeadlineWatch watch;

  @Value("${rightsdesk.company.datasources.company.url}") String companyUrl;

  private final List<String> insertedLetters = new ArrayList<>();
  private String email;

  @BeforeEach
  void start() {
    driver.reset();
    email = "svend.standset+" + UUID.randomUUID() + "@example.dk";
  }

  @AfterEach
  void leaveNothingStuck() {
    insertedLetters.forEach(key -> jdbc.sql("DELETE FROM letter WHERE letter_key = ?").param(key).update());
    driver.reset();
  }

  @Test
  void anIncidentMakesItsRequestStuckAtTheFailedStep() throws Exception {
    String reference = register("PORTABILITY", TestClock.now().minus(Duration.ofDays(2)));
    Job acknowledgement = acknowledgementJob(reference);
    management.setJobRetries(acknowledgement.getId(), 0);
    try {
      String body = dashboard("?state=STUCK");
      assertThat(reasons(row(body, reference))).containsExactly(
          new StuckReason(StuckReason.Kind.INCIDENT, TestClock.now(), "Send acknowledgement"));
      assertThat(json.readTree(body).path("stuckRequests").asInt()).isPositive();
      assertThat(body).doesNotContain(NAME, "Svend", "svend.standset", "@");
    } finally {
      management.setJobRetries(acknowledgement.getId(), 1);
      driver.runDueJobs();
    }
    assertThat(reasons(row(dashboard(""), reference))).as("retried and moving again").isEmpty();
  }

  @Test
  void aStepThatFailedAndRetriesMakesItsRequestStuck() throws Exception {
    // the newsletter's database is away: looking the subject up there fails, and the job waits for its retry
    company().sql("ALTER TABLE newsletter_subscriber RENAME TO newsletter_subscriber_offline").update();
    String reference;
    Job failing;
    try {
      reference = register("ERASURE", TestClock.now().minus(Duration.ofHours(3)));
      failing = runUntilAJobFails();
    } finally {
      company().sql("ALTER TABLE newsletter_subscriber_offline RENAME TO newsletter_subscriber").update();
    }
    assertThat(failing.getRetries()).as("retries left").isPositive();

    List<StuckReason> reasons = reasons(row(dashboard("?state=STUCK"), reference));
    assertThat(reasons).extracting(StuckReason::kind).containsExactly(StuckReason.Kind.FAILING_JOB);
    assertThat(reasons.get(0).since()).isEqualTo(failing.getCreateTime().toInstant());
    assertThat(reasons.get(0).step()).isNotBlank();

    management.setJobDuedate(failing.getId(), Date.from(TestClock.now()));
    driver.runDueJobs();
    assertThat(reasons(row(dashboard(""), reference))).as("done on the retry").isEmpty();
  }

  @Test
  void aTaskPastItsDueDateMakesItsRequestStuck_aTaskWithTimeLeftDoesNot() throws Exception {
    String late = register("ACCESS", TestClock.now().minus(Duration.ofDays(45)));
    String fresh = register("ACCESS", TestClock.now().minus(Duration.ofHours(1)));
    driver.runDueJobs();
    Task lateTask = tasks.createTaskQuery().processInstanceBusinessKey(late).singleResult();
    assertThat(lateTask.getDueDate()).isBefore(Date.from(TestClock.now()));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(fresh).singleResult().getDueDate())
        .isAfter(Date.from(TestClock.now()));

    String body = dashboard("");
    assertThat(reasons(row(body, late))).containsExactly(new StuckReason(StuckReason.Kind.OVERDUE_TASK,
        lateTask.getDueDate().toInstant(), lateTask.getName()));
    assertThat(lateTask.getName()).startsWith("Search the system by hand: " + late);
    assertThat(reasons(row(body, fresh))).isEmpty();
    assertThat(references(dashboard("?state=STUCK"))).contains(late).doesNotContain(fresh);
  }

  @Test
  void anEmailLetterWaitingLongerThanTheSettingMakesItsRequestStuck() throws Exception {
    String reference = register("RECTIFICATION", TestClock.now().minus(Duration.ofDays(1)));
    driver.runDueJobs();
    Instant twoHoursAgo = TestClock.now().minus(Duration.ofHours(2));
    letter(reference, "ANSWER", "EMAIL", "COMPOSED", twoHoursAgo);
    // within the hour of rightsdesk.letters.undelivered-after, delivered, or on paper: nothing holds the request
    letter(reference, "ACKNOWLEDGEMENT", "EMAIL", "COMPOSED", TestClock.now().minus(Duration.ofMinutes(30)));
    letter(reference, "ACKNOWLEDGEMENT", "EMAIL", "SENT", TestClock.now().minus(Duration.ofHours(5)));
    letter(reference, "ACKNOWLEDGEMENT", "POST", "TO_POST", TestClock.now().minus(Duration.ofHours(5)));

    assertThat(reasons(row(dashboard("?state=STUCK"), reference))).containsExactly(
        new StuckReason(StuckReason.Kind.UNDELIVERED_LETTER, twoHoursAgo, "ANSWER"));
  }

  @Test
  void aClosedRequestWhoseAnswerHasNotGoneStaysInViewAsStuck() throws Exception {
    // an objection to direct marketing is carried out and closed at once; its answer waits for the mail server
    driver.mailServer().stop();
    String reference = json.readTree(mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
            .content("""
                {"type": "OBJECTION", "objectionScope": "DIRECT_MARKETING", "name": "Svend Standset",
                 "email": "svend.standset.closed@example.dk"}"""))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).path("reference").asText();
    driver.runDueJobs();
    Instant queued = TestClock.now();
    driver.setTime(Date.from(queued.plus(Duration.ofHours(2))));

    JsonNode row = row(dashboard("?state=STUCK"), reference);
    assertThat(row.path("status").asText()).isEqualTo("CLOSED");
    assertThat(reasons(row)).containsExactly(new StuckReason(StuckReason.Kind.UNDELIVERED_LETTER, queued, "ANSWER"));

    driver.mailServer().start();
    driver.runDueJobs();
    assertThat(references(dashboard(""))).as("out of view once the answer went").doesNotContain(reference);
  }

  @Test
  void theDailyNoticeListsTheStuckRequestsOnceAnOfficeDayFromTheNoticeTimeOn() throws Exception {
    String withIncident = register("ERASURE", TestClock.now().minus(Duration.ofDays(2)));
    Job acknowledgement = acknowledgementJob(withIncident);
    management.setJobRetries(acknowledgement.getId(), 0);
    String withLetter = register("RESTRICTION", TestClock.now().minus(Duration.ofDays(1)));
    letter(withLetter, "ANSWER", "EMAIL", "COMPOSED", TestClock.now().minus(Duration.ofHours(2)));
    try {
      ZonedDateTime officeMorning = nextOfficeDayAtNine();
      driver.setTime(Date.from(officeMorning.with(LocalTime.of(7, 0)).toInstant()));
      notices.stuckRequests();
      assertThat(stuckNotices()).as("not before the notice time").isEmpty();

      driver.setTime(Date.from(officeMorning.toInstant()));
      notices.stuckRequests();
      notices.stuckRequests();
      assertThat(stuckNotices()).as("once a day").hasSize(1);
      String body = TestDriver.body(stuckNotices().get(0));
      assertThat(body).contains(withIncident + " (ERASURE, deadline in force ",
          "incident at \"Send acknowledgement\" since ", withLetter + " (RESTRICTION, deadline in force ",
          "letter not delivered: the answer, composed ").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
          .doesNotContain("null/");
      assertThat(body).doesNotContain(NAME, "Svend", "svend.standset", "@");
      assertThat(TestDriver.subject(stuckNotices().get(0))).startsWith("Stuck: ");
    } finally {
      management.setJobRetries(acknowledgement.getId(), 1);
      driver.reset();
      driver.runDueJobs();
    }
  }

  /** The first office day after the test's start, at 09:00 in Copenhagen: after the 08:00 notice time. */
  private ZonedDateTime nextOfficeDayAtNine() {
    ZonedDateTime day = TestClock.now().atZone(COPENHAGEN).toLocalDate().atTime(9, 0).atZone(COPENHAGEN);
    do {
      day = day.plusDays(1);
    } while (!watch.dailyNoticeDue(day.toInstant()));
    return day;
  }

  private List<MimeMessage> stuckNotices() {
    driver.deliverMail();
    return driver.mailTo(MANAGEMENT).stream().filter(m -> TestDriver.subject(m).startsWith("Stuck: ")).toList();
  }

  private String register(String type, Instant receivedAt) throws Exception {
    String body = json.writeValueAsString(Map.of("type", type, "name", NAME, "email", email,
        "channel", "EMAIL", "receivedAt", receivedAt.atZone(COPENHAGEN).toOffsetDateTime().toString(),
        "identityVerified", true, "identityNote", "Known sender"));
    // a fresh address for each request, or the later one would close as a duplicate of the first
    email = "svend.standset+" + UUID.randomUUID() + "@example.dk";
    return json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
  }

  private Job acknowledgementJob(String reference) {
    String process = runtime.createProcessInstanceQuery().processDefinitionKey("DataSubjectRequestProcess")
        .processInstanceBusinessKey(reference).singleResult().getId();
    return management.createJobQuery().processInstanceId(process).activityId("Task_SendAcknowledgement")
        .singleResult();
  }

  /** Runs the due jobs as the job executor would until one fails; answers it, as it now waits for its retry. */
  private Job runUntilAJobFails() {
    for (int round = 0; round < 20; round++) {
      for (Job job : management.createJobQuery().executable().list()) {
        try {
          management.executeJob(job.getId());
        } catch (RuntimeException expected) {
          return management.createJobQuery().jobId(job.getId()).singleResult();
        }
      }
    }
    throw new AssertionError("No job failed");
  }

  private JdbcClient company() {
    return JdbcClient.create(new DriverManagerDataSource(companyUrl, "sa", ""));
  }

  private void letter(String reference, String kind, String delivery, String state, Instant composedAt) {
    String key = "test/" + UUID.randomUUID();
    jdbc.sql("""
            INSERT INTO letter (request_id, letter_key, kind, language, delivery, recipient, subject_line, body, state,
              composed_at)
            SELECT id, ?, ?, 'da', ?, 'someone', 'A letter', 'Text', ?, ? FROM dsr_request WHERE reference = ?""")
        .params(key, kind, delivery, state, OffsetDateTime.ofInstant(composedAt, ZoneOffset.UTC), reference)
        .update();
    insertedLetters.add(key);
    if (delivery.equals("EMAIL") && state.equals("COMPOSED")) {
      // waiting in the outbox for a retry a day away (deleted with the letter)
      jdbc.sql("""
              INSERT INTO mail_outbox (mail_key, letter_id, recipient, subject_line, body, queued_at, next_attempt_at,
                attempts, first_failed_at, last_failure)
              SELECT letter_key, id, 'someone@example.dk', subject_line, body, composed_at, ?, 1, composed_at,
                'MailSendException'
              FROM letter WHERE letter_key = ?""")
          .params(OffsetDateTime.ofInstant(composedAt.plus(Duration.ofDays(1)), ZoneOffset.UTC), key)
          .update();
    }
  }

  private String dashboard(String query) throws Exception {
    // the suite's other requests stay open beside these: one page holds them all
    return mvc.perform(get("/api/officer/dashboard" + query).param("limit", "1000")
            .with(httpBasic("manager", "manager")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  private List<String> references(String body) throws Exception {
    List<String> references = new ArrayList<>();
    json.readTree(body).path("requests").forEach(row -> references.add(row.path("reference").asText()));
    return references;
  }

  private JsonNode row(String body, String reference) throws Exception {
    for (JsonNode row : json.readTree(body).path("requests")) {
      if (row.path("reference").asText().equals(reference)) {
        return row;
      }
    }
    throw new AssertionError(reference + " is not on the dashboard");
  }

  private List<StuckReason> reasons(JsonNode row) {
    List<StuckReason> reasons = new ArrayList<>();
    row.path("stuck").forEach(reason -> reasons.add(new StuckReason(
        StuckReason.Kind.valueOf(reason.path("kind").asText()), Instant.parse(reason.path("since").asText()),
        reason.path("step").asText())));
    return reasons;
  }
}
