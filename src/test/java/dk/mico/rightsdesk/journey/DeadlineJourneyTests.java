package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The deadline watch in the running application: reminders and overdue notices to staff, the extension through the
 * API (letter, new due date, timers and tasks moved), and the pause while identity information is awaited.
 */
@RightsDeskSpringTest
class DeadlineJourneyTests {

  private static final String OFFICERS = "gdpr@mico.dk";
  private static final String MANAGEMENT = "management@mico.dk";

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired ObjectMapper json;
  @Autowired LegalCalendar calendar;
  @Autowired DeadlineWatch watch;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired IdentityService identity;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void extensionThroughTheApiMovesTheDeadlineTellsTheSubjectAndMovesEveryTimerAndTask() throws Exception {
    Instant receivedAt = TestClock.now().minus(Duration.ofDays(25));
    String reference = register("ACCESS", "karen.extension@example.dk", receivedAt, true);
    driver.runDueJobs();
    LocalDate originalDue = calendar.dueDate(receivedAt);
    assertThat(openTasks(reference)).isNotEmpty().allSatisfy(task -> assertThat(task.getDueDate().toInstant())
        .isEqualTo(watch.plan(originalDue).taskDueAt()));

    mvc.perform(post("/api/officer/requests/" + reference + "/extension").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reasonCode\": \"COMPLEXITY\", \"reason\": \"Your data is spread over six systems.\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dueDate").value(calendar.extendedDueDate(receivedAt).toString()))
        .andExpect(jsonPath("$.extended").value(true));

    LocalDate newDue = calendar.extendedDueDate(receivedAt);
    DeadlineWatch.Plan plan = watch.plan(newDue);
    // at once, in the API call's transaction: the watch is planned anew and every open task follows
    assertThat(openTasks(reference)).isNotEmpty().allSatisfy(task -> assertThat(task.getDueDate().toInstant())
        .isEqualTo(plan.taskDueAt()));
    List<Job> timers = management.createJobQuery().processInstanceId(deadlineWatch(reference)).timers().list();
    assertThat(timers).extracting(Job::getDuedate).containsExactly(Date.from(plan.firstReminderAt()));
    // every process of the request that makes officer tasks holds the new due date (the watch makes none)
    runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKeyNotIn("DeadlineWatchProcess").list().forEach(instance ->
        assertThat(runtime.getVariable(instance.getId(), "taskDueDate")).isEqualTo(Date.from(plan.taskDueAt())));

    driver.runDueJobs();
    String letter = TestDriver.body(driver.onlyMailTo("karen.extension@example.dk", "more time"));
    assertThat(letter).contains("two months", english(newDue), "Your request is complex",
        "Your data is spread over six systems.", "Datatilsynet");

    JsonNode view = api.view(reference);
    assertThat(view.path("dueDate").asText()).isEqualTo(newDue.toString());
    assertThat(view.path("originalDueDate").asText()).isEqualTo(originalDue.toString());
    assertThat(view.path("outcomes").path("extensionReasonCode").asText()).isEqualTo("COMPLEXITY");
    assertThat(view.path("history").findValuesAsText("step")).contains("EXTENDED");

    // a second extension is refused, and changes nothing
    mvc.perform(post("/api/officer/requests/" + reference + "/extension").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\": \"COMPLEXITY\", \"reason\": \"Again\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("extended already")));
    assertThat(api.view(reference).path("dueDate").asText()).isEqualTo(newDue.toString());
  }

  @Test
  void extensionAfterTheFirstMonthOrWithoutReasonsIsRefused() throws Exception {
    String late = register("ACCESS", "late.extension@example.dk", TestClock.now().minus(Duration.ofDays(40)), true);
    mvc.perform(post("/api/officer/requests/" + late + "/extension").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reasonCode\": \"NUMBER_OF_REQUESTS\", \"reason\": \"Many requests this month\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("first month")));
    assertThat(api.view(late).path("extended").asBoolean()).isFalse();

    mvc.perform(post("/api/officer/requests/" + late + "/extension").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\": \"BUSY\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("reasonCode",
            "reason")));
    mvc.perform(post("/api/officer/requests/DSR-2026-99999/extension").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\": \"COMPLEXITY\", \"reason\": \"x\"}"))
        .andExpect(status().isNotFound());
    mvc.perform(post("/api/officer/requests/" + late + "/extension").with(httpBasic("manager", "manager"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\": \"COMPLEXITY\", \"reason\": \"x\"}"))
        .andExpect(status().isForbidden());
  }

  @Test
  void officerExtendsFromTasklistAndSeesWhyALateExtensionIsRefused() throws Exception {
    Instant receivedAt = TestClock.now().minus(Duration.ofDays(3));
    String reference = register("ERASURE", "tove.tasklist@example.dk", receivedAt, true);
    String late = register("ERASURE", "lene.late@example.dk", TestClock.now().minus(Duration.ofDays(45)), true);
    driver.runDueJobs();
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("DeadlineExtensionProcess")
        .latestVersion().singleResult().getId();

    identity.setAuthentication("officer", List.of("gdpr-officer"));
    try {
      assertThatThrownBy(() -> forms.submitStartForm(definition, Map.of("requestReference", late,
          "reasonCode", "COMPLEXITY", "reason", "Many systems")))
          .isInstanceOf(ProcessEngineException.class).hasMessageContaining("first month");
      forms.submitStartForm(definition, Map.of("requestReference", reference, "reasonCode", "NUMBER_OF_REQUESTS",
          "reason", "We received many requests after our newsletter."));
    } finally {
      identity.clearAuthentication();
    }

    assertThat(api.view(late).path("extended").asBoolean()).isFalse();
    JsonNode view = api.view(reference);
    assertThat(view.path("dueDate").asText()).isEqualTo(calendar.extendedDueDate(receivedAt).toString());
    assertThat(view.path("history").findValuesAsText("actor")).contains("officer");
    driver.runDueJobs();
    assertThat(TestDriver.body(driver.onlyMailTo("tove.tasklist@example.dk", "more time")))
        .contains("You have sent us several requests", "after our newsletter");
  }

  @Test
  void overdueRequestIsMarkedAndManagementToldWithoutPersonalData() throws Exception {
    String reference = register("ACCESS", "olga.overdue@example.dk", TestClock.now().minus(Duration.ofDays(40)), true);
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("outcomes").path("overdue").asBoolean()).isTrue();
    assertThat(view.path("history").findValuesAsText("step")).containsOnlyOnce("OVERDUE");
    // received long ago: the reminders' time has passed, so only the overdue notice goes out
    assertThat(noticesAbout(reference, MANAGEMENT)).extracting(TestDriver::subject)
        .singleElement().satisfies(subject -> assertThat(subject).startsWith("OVERDUE: " + reference));
    assertThat(noticesAbout(reference, OFFICERS)).isEmpty();
    assertThat(TestDriver.body(noticesAbout(reference, MANAGEMENT).get(0)))
        .contains(reference, "access (Art 15)", calendar.dueDate(TestClock.now().minus(Duration.ofDays(40))).toString())
        .doesNotContain("Olga", "olga.overdue@example.dk");
    // the next notice waits for the next working-day morning, in Copenhagen
    Job next = management.createJobQuery().processInstanceId(deadlineWatch(reference))
        .activityId("Event_NextWorkingDayMorning").singleResult();
    assertThat(next.getDuedate().toInstant()).isEqualTo(watch.nextEscalation(TestClock.now()));

    // it goes out once per day: running the jobs again sends nothing new
    driver.runDueJobs();
    assertThat(noticesAbout(reference, MANAGEMENT)).hasSize(1);
    driver.setTime(next.getDuedate());
    driver.runDueJobs();
    assertThat(noticesAbout(reference, MANAGEMENT)).hasSize(2);
  }

  @Test
  void askingForIdentityInformationPausesTheClockUntilTheSubjectAnswersOnline() throws Exception {
    Instant receivedAt = TestClock.now().minus(Duration.ofDays(1));
    String reference = register("RECTIFICATION", "pia.pause@example.dk", receivedAt, false);
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_CheckIdentity"), Map.of(
        "identityDecision", "ASK_FOR_INFORMATION",
        "identityNote", "The customer number on one of your invoices"));
    driver.runDueJobs();

    MimeMessage asked = driver.onlyMailTo("pia.pause@example.dk", "more information");
    assertThat(TestDriver.body(asked)).contains("The customer number on one of your invoices", "suspended");
    assertThat(api.view(reference).path("status").asText()).isEqualTo("PAUSED");
    Task waiting = driver.onlyTask(reference, "UserTask_AwaitIdentityInformation");

    // eight days later the subject answers through the link
    driver.setTime(Date.from(TestClock.now().plus(Duration.ofDays(8))));
    String token = replyToken(asked);
    mvc.perform(get("/identity-reply/" + token)).andExpect(status().isOk());
    mvc.perform(post("/identity-reply/" + token).param("reply", "Customer number 10442")
            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
        .andExpect(status().isOk());
    mvc.perform(get("/identity-reply/" + token)).andExpect(status().isNotFound());
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.path("pausedDays").asInt()).isEqualTo(8);
    LocalDate moved = calendar.dueDate(receivedAt, false, 8);
    assertThat(view.path("dueDate").asText()).isEqualTo(moved.toString());
    assertThat(view.path("history").findValuesAsText("step"))
        .containsSubsequence("IDENTITY_INFORMATION_REQUESTED", "CLOCK_PAUSED", "IDENTITY_INFORMATION_RECEIVED");
    assertThat(tasks.createTaskQuery().taskId(waiting.getId()).count()).as("the wait ended").isZero();
    Task again = driver.onlyTask(reference, "UserTask_CheckIdentity");
    assertThat(again.getDueDate().toInstant()).isEqualTo(watch.plan(moved).taskDueAt());
    assertThat(tasks.getVariableLocal(again.getId(), "identityReply")).isEqualTo("Customer number 10442");
  }

  @Test
  void aPrintedRequestForIdentityInformationPausesTheClockFromTheDayItIsPosted() throws Exception {
    Instant start = TestClock.now();
    String body = """
        {"type": "RECTIFICATION", "name": "Poul Papir", "postalAddress": "Torvet 1, 6700 Esbjerg", "channel": "LETTER",
         "receivedAt": "%s", "identityVerified": false, "identityNote": "", "language": "en"}
        """.formatted(start.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
    String reference = json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostAcknowledgement"), Map.of("letterPosted", true));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_CheckIdentity"), Map.of(
        "identityDecision", "ASK_FOR_INFORMATION", "identityNote", "The customer number on one of your invoices"));
    driver.runDueJobs();

    JsonNode printed = api.view(reference);
    assertThat(printed.path("status").asText()).as("printed, not yet posted").isEqualTo("IN_PROGRESS");
    assertThat(printed.path("history").findValuesAsText("step")).doesNotContain("CLOCK_PAUSED");

    // posted two days later: the pause starts then
    driver.setTime(Date.from(start.plus(Duration.ofDays(2))));
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostInformationRequest"),
        Map.of("letterPosted", true));
    driver.runDueJobs();
    JsonNode posted = api.view(reference);
    assertThat(posted.path("status").asText()).isEqualTo("PAUSED");
    assertThat(posted.path("history").findValuesAsText("step")).containsSubsequence("LETTER_POSTED", "CLOCK_PAUSED");

    // the reply comes by letter three days after posting: three days paused, not five
    driver.setTime(Date.from(start.plus(Duration.ofDays(5))));
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_AwaitIdentityInformation"),
        Map.of("identityReply", "Sent customer number 10442 by letter"));
    driver.runDueJobs();
    assertThat(api.view(reference).path("pausedDays").asInt()).isEqualTo(3);
  }

  @Test
  void informationAskedForTooLateDoesNotPauseTheClock() throws Exception {
    Instant receivedAt = TestClock.now().minus(Duration.ofDays(10));
    String reference = register("RECTIFICATION", "lars.late@example.dk", receivedAt, false);
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_CheckIdentity"), Map.of(
        "identityDecision", "ASK_FOR_INFORMATION", "identityNote", "Your date of birth"));
    driver.runDueJobs();

    assertThat(TestDriver.body(driver.onlyMailTo("lars.late@example.dk", "more information")))
        .doesNotContain("suspended");
    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.path("history").findValuesAsText("step")).doesNotContain("CLOCK_PAUSED");

    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_AwaitIdentityInformation"),
        Map.of("identityReply", "Gave the date of birth by phone; it matches the customer record"));
    driver.runDueJobs();
    JsonNode resumed = api.view(reference);
    assertThat(resumed.path("pausedDays").asInt()).isZero();
    assertThat(resumed.path("dueDate").asText()).isEqualTo(calendar.dueDate(receivedAt).toString());
    assertThat(driver.onlyTask(reference, "UserTask_CheckIdentity")).isNotNull();
  }

  @Test
  void noAnswerInTimeClosesTheRequestAsUnverifiable() throws Exception {
    String reference = register("ERASURE", "nora.noreply@example.dk", TestClock.now().minus(Duration.ofDays(1)), false);
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_CheckIdentity"), Map.of(
        "identityDecision", "ASK_FOR_INFORMATION", "identityNote", "The address we send invoices to"));
    driver.runDueJobs();

    driver.setTime(Date.from(TestClock.now().plus(Duration.ofDays(31))));
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("UNVERIFIABLE");
    assertThat(view.path("pausedDays").asInt()).isEqualTo(30);
    assertThat(TestDriver.body(driver.onlyMailTo("nora.noreply@example.dk", "cannot act")))
        .as("F31: the letter says what was missing")
        .contains("could not verify your identity", "needed to be sure it is you: The address we send invoices to",
            "Datatilsynet");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
  }

  private String register(String type, String email, Instant receivedAt, boolean identityVerified) throws Exception {
    String body = """
        {"type": "%s", "name": "Test Person", "email": "%s", "channel": "EMAIL", "receivedAt": "%s",
         "identityVerified": %s, "identityNote": "%s", "language": "en"}
        """.formatted(type, email, receivedAt.atOffset(ZoneOffset.UTC), identityVerified,
        identityVerified ? "Wrote from the address in the customer record" : "");
    String response = mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(response).path("reference").asText();
  }

  private List<MimeMessage> noticesAbout(String reference, String address) {
    return driver.mailTo(address).stream().filter(m -> TestDriver.subject(m).contains(reference)).toList();
  }

  /** The request's deadline watch, a process its own process calls (the timers are there). */
  private String deadlineWatch(String reference) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("DeadlineWatchProcess").singleResult().getId();
  }

  private List<Task> openTasks(String reference) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).list();
  }

  private static String english(LocalDate date) {
    return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
  }

  private static String replyToken(MimeMessage message) {
    var matcher = java.util.regex.Pattern.compile("/identity-reply/([A-Za-z0-9_-]{43})")
        .matcher(TestDriver.body(message));
    assertThat(matcher.find()).as("reply link in the letter").isTrue();
    return matcher.group(1);
  }

}
