package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.deadline.DeadlineWatchProperties;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.ws.rs.core.Response.Status;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Requests that came by e-mail, phone or letter, typed in by the officer with their real receipt time. */
@RightsDeskSpringTest
class OfficerRegistrationTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired ObjectMapper json;
  @Autowired LegalCalendar calendar;
  @Autowired RuntimeService runtime;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired DeadlineWatchProperties staff;
  @Autowired RequestLifecycle lifecycle;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void letterRequestKeepsItsRealReceiptTimeAndIsAnsweredOnPaper() throws Exception {
    // received 20 days ago, on paper, from someone with no e-mail address
    OffsetDateTime receivedAt = TestClock.now().atOffset(ZoneOffset.UTC).minusDays(20).withNano(0);
    String body = """
        {"type": "RECTIFICATION", "name": "Jens Petersen", "postalAddress": "Vestergade 12, 8000 Aarhus C",
         "channel": "LETTER", "receivedAt": "%s", "identityVerified": true,
         "identityNote": "Signed letter; address matches the customer record", "language": "da"}
        """.formatted(receivedAt);
    String response = mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/officer/requests/DSR-")))
        .andExpect(jsonPath("$.dueDate").value(calendar.dueDate(receivedAt.toInstant()).toString()))
        .andReturn().getResponse().getContentAsString();
    String reference = json.readTree(response).path("reference").asText();
    assertThat(reference).startsWith("DSR-" + receivedAt.atZoneSameInstant(calendar.zone()).getYear() + "-");

    JsonNode view = api.view(reference);
    assertThat(OffsetDateTime.parse(view.path("receivedAt").asText()).toInstant()).isEqualTo(receivedAt.toInstant());
    assertThat(view.path("originalDueDate").asText()).isEqualTo(view.path("dueDate").asText());

    driver.runDueJobs();
    // no e-mail address: the acknowledgement is printed for the officer to post
    Task postAcknowledgement = driver.onlyTask(reference, "UserTask_PostAcknowledgement");
    assertThat(postAcknowledgement.getDueDate().toInstant())
        .isEqualTo(calendar.endOfDay(calendar.dueDate(receivedAt.toInstant())).minusSeconds(1));
    assertThatThrownBy(() -> driver.submitAsOfficer(postAcknowledgement, Map.of("letterPosted", false)))
        .hasMessageContaining("letterPosted");
    driver.submitAsOfficer(postAcknowledgement, Map.of("letterPosted", true));

    // identity was verified at registration: straight to the officer's work
    driver.runDueJobs();
    driver.rejectCandidates(reference); // namesakes found by the name alone
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_CheckAccuracy"), Map.of(
        "accuracyDecision", "ACCURATE",
        "accuracyStatement", "Din adresse er den, der står i den underskrevne kontrakt."));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ApproveAnswer"), Map.of("answerDecision", "SEND"));
    driver.runDueJobs();
    Task postAnswer = driver.onlyTask(reference, "UserTask_PostClosingLetter");
    driver.submitAsOfficer(postAnswer, Map.of("letterPosted", true));
    driver.runDueJobs();

    JsonNode closed = api.view(reference);
    assertThat(closed.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(closed.path("letters").findValuesAsText("state")).containsExactly("POSTED", "POSTED");
    String answer = closed.path("letters").get(1).path("body").asText();
    assertThat(answer).contains("underskrevne kontrakt", "Begrundelse", "Datatilsynet", "art. 79");
    // the deadline watch may have mailed the officers or management (the receipt was 20 days ago), and that is no
    // letter to the subject: every e-mail about this request went to staff
    assertThat(driver.mailServer().received()).as("no e-mail for a subject without an address")
        .filteredOn(mail -> TestDriver.subject(mail).contains(reference) || TestDriver.body(mail).contains(reference))
        .allSatisfy(mail -> assertThat(TestDriver.recipients(mail))
            .isSubsetOf(staff.officerAddress(), staff.managementAddress()));
  }

  @Test
  void f31_closingAsUnverifiableNeedsAnInformationRequestFirstOrAReasonWhyAskingIsFutile() throws Exception {
    String reference = registerByEmail("RECTIFICATION", false);
    driver.runDueJobs();
    Task check = driver.onlyTask(reference, "UserTask_CheckIdentity");
    assertThatThrownBy(() -> driver.submitAsOfficer(check, Map.of("identityDecision", "UNVERIFIABLE",
        "identityNote", "Caller could not answer any question about the account")))
        .isInstanceOf(RestException.class).hasFieldOrPropertyWithValue("status", Status.BAD_REQUEST)
        .hasMessageContaining("identityMissing").hasMessageContaining("identityFutileReason");
    assertThat(api.view(reference).path("status").asText()).as("nothing changed").isNotEqualTo("CLOSED");

    driver.submitAsOfficer(check, Map.of("identityDecision", "UNVERIFIABLE",
        "identityNote", "Caller could not answer any question about the account",
        "identityMissing", "The customer number or an invoice of the account the data is about.",
        "identityFutileReason", "The caller said that he has no account with us and no invoice."));
    driver.runDueJobs();
    String letter = TestDriver.body(driver.onlyMailTo("phone.caller@example.dk", "cannot act"));
    assertThat(letter).contains("could not verify your identity",
            "This is what we needed to be sure it is you: The customer number or an invoice", "Datatilsynet", "court")
        .doesNotContain("no account with us");
    assertThat(api.view(reference).path("outcome").asText()).isEqualTo("UNVERIFIABLE");
  }

  @Test
  void startFormInTasklistRegistersTheRequestAndKeepsNoPersonalDataInTheProcess() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("DataSubjectRequestProcess")
        .latestVersion().singleResult().getId();
    Map<String, Object> fields = new HashMap<>(Map.of(
        "type", "OBJECTION", "objectionScope", "GENERAL", "channel", "PHONE",
        "receivedDate", TestClock.now().atZone(calendar.zone()).toLocalDate().minusDays(1).toString(),
        "receivedTime", "23:30",
        "name", "Ole Nielsen", "email", "ole.nielsen@example.dk", "language", "da",
        "identityVerified", true, "identityNote", "Called from the number in the customer record"));
    identity.setAuthentication("officer", List.of("gdpr-officer"));
    ProcessInstance instance;
    try {
      instance = forms.submitStartForm(definition, fields);
    } finally {
      identity.clearAuthentication();
    }
    String reference = instance.getBusinessKey();
    assertThat(reference).startsWith("DSR-2026-");
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("name", "email", "identityNote")
        .containsEntry("requestReference", reference);
    assertThat(runtime.getVariable(instance.getId(), "taskDueDate")).isNotNull();

    Map<String, Object> bad = new HashMap<>(fields);
    bad.remove("name");
    bad.put("receivedDate", "2999-01-01");
    identity.setAuthentication("officer", List.of("gdpr-officer"));
    try {
      assertThatThrownBy(() -> forms.submitStartForm(definition, bad))
          .hasMessageContaining("name").hasMessageContaining("receivedAt");
    } finally {
      identity.clearAuthentication();
    }
  }

  @Test
  void phoneRequestStartFormTakesTheCallsTimeTheCallersIdentifiersAndHowIdentityWasChecked() throws Exception {
    ZonedDateTime call = TestClock.now().atZone(calendar.zone()).minusHours(3).withSecond(0).withNano(0);
    Map<String, Object> fields = new HashMap<>(Map.of(
        "type", "ACCESS", "channel", "PHONE",
        "receivedDate", call.toLocalDate().toString(), "receivedTime", call.toLocalTime().toString(),
        "name", "Karen Telefon", "email", "karen.telefon@example.dk", "phone", "+45 20 30 40 50",
        "language", "da", "identityVerified", true,
        "identityNote", "Called back on the number in the customer record; she gave her customer number"));
    String reference = startForm(fields).getBusinessKey();

    JsonNode view = api.view(reference);
    assertThat(view.path("channel").asText()).isEqualTo("PHONE");
    assertThat(OffsetDateTime.parse(view.path("receivedAt").asText()).toInstant())
        .as("the call's time, not the time of typing it in").isEqualTo(call.toInstant());
    assertThat(view.path("subject").path("phone").asText()).isEqualTo("+45 20 30 40 50");
    assertThat(view.path("subject").path("email").asText()).isEqualTo("karen.telefon@example.dk");
    assertThat(view.toString()).contains("Called back on the number in the customer record");

    Map<String, Object> laterCall = new HashMap<>(fields);
    ZonedDateTime future = TestClock.now().atZone(calendar.zone()).plusHours(2);
    laterCall.put("receivedDate", future.toLocalDate().toString());
    laterCall.put("receivedTime", future.toLocalTime().withSecond(0).withNano(0).toString());
    laterCall.put("email", "karen.telefon+2@example.dk");
    assertThatThrownBy(() -> startForm(laterCall)).hasMessageContaining("receivedAt")
        .hasMessageContaining("cannot be in the future");
    Map<String, Object> unsaid = new HashMap<>(fields);
    unsaid.remove("identityNote");
    unsaid.put("email", "karen.telefon+3@example.dk");
    assertThatThrownBy(() -> startForm(unsaid)).hasMessageContaining("identityNote");
  }

  @Test
  void lateRegistrationWarnsTheOfficerIsFlaggedForManagersAndTheAcknowledgementApologises() throws Exception {
    // a letter found in a drawer: received seven weeks ago, so its month ran out before anyone registered it
    ZonedDateTime received = TestClock.now().atZone(calendar.zone()).minusWeeks(7).withHour(10).withMinute(0)
        .withSecond(0).withNano(0);
    Map<String, Object> fields = new HashMap<>(Map.of(
        "type", "ACCESS", "channel", "EMAIL",
        "receivedDate", received.toLocalDate().toString(), "receivedTime", "10:00",
        "name", "Lars Sent", "email", "lars.sent@example.dk", "language", "en", "identityVerified", true,
        "identityNote", "Known sender"));
    String due = calendar.dueDate(received.toInstant()).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    long before = runtime.createProcessInstanceQuery().processDefinitionKey("DataSubjectRequestProcess").count();
    assertThatThrownBy(() -> startForm(fields)).hasMessageContaining("registeredAfterDeadline")
        .hasMessageContaining("ended on " + due).hasMessageContaining("overdue from the start");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DataSubjectRequestProcess").count())
        .as("nothing registered").isEqualTo(before);

    fields.put("registeredAfterDeadline", true);
    String reference = startForm(fields).getBusinessKey();
    driver.runDueJobs();

    String acknowledgement = TestDriver.body(driver.onlyMailTo("lars.sent@example.dk", reference));
    assertThat(acknowledgement).contains("We should have answered you by", "we apologise")
        .doesNotContain("We will answer by");
    JsonNode row = null;
    for (JsonNode r : json.readTree(mvc.perform(get("/api/officer/dashboard?limit=1000").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("requests")) {
      row = r.path("reference").asText().equals(reference) ? r : row;
    }
    assertThat(row).isNotNull();
    assertThat(row.path("registeredAfterDeadline").asBoolean()).isTrue();
    assertThat(row.path("overdue").asBoolean()).isTrue();

    // registered within its month: no flag, and the acknowledgement promises the date
    String timely = registerByEmail("ACCESS", true);
    driver.runDueJobs();
    assertThat(TestDriver.body(driver.onlyMailTo("phone.caller@example.dk", timely))).contains("We will answer by")
        .doesNotContain("apologise");
  }

  @Test
  void f25_startFormTakesTheConsentsWithdrawnAndRefusesOnesNotDeclared() throws Exception {
    ZonedDateTime call = TestClock.now().atZone(calendar.zone()).minusHours(1);
    Map<String, Object> fields = new HashMap<>(Map.of(
        "type", "CONSENT_WITHDRAWAL", "consents", "cookies, sms", "channel", "PHONE",
        "receivedDate", call.toLocalDate().toString(), "receivedTime", call.toLocalTime().withNano(0).toString(),
        "name", "Bo Samtykke", "email", "bo.samtykke@example.dk", "language", "da"));
    assertThatThrownBy(() -> startForm(fields)).hasMessageContaining("consents: must name consents from");

    fields.put("consents", "cookies");
    String reference = startForm(fields).getBusinessKey();
    assertThat(lifecycle.get(reference).consents()).containsExactly("cookies");
    assertThat(api.view(reference).path("consents").toString()).isEqualTo("[\"cookies\"]");
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void badFormInputIsABadRequestWithAMessageLoggedInOneLineWithoutAStackTrace(CapturedOutput output) {
    ZonedDateTime call = TestClock.now().atZone(calendar.zone()).minusHours(1);
    Map<String, Object> fields = new HashMap<>(Map.of(
        "type", "ACCESS", "channel", "PHONE",
        "receivedDate", call.toLocalDate().toString(), "receivedTime", "00:00",
        "name", "Bo Forkert", "email", "bo.forkert@example.dk", "phone", "not a number", "language", "da"));
    assertThatThrownBy(() -> startForm(fields)).isInstanceOf(RestException.class)
        .hasFieldOrPropertyWithValue("status", Status.BAD_REQUEST)
        .hasMessageContaining("phone: is not a phone number");
    assertThat(output.getAll()).contains("Form not accepted").doesNotContain("ENGINE-16004")
        .doesNotContain("at dk.mico.rightsdesk.workflow.RegisterRequestFromStartForm");
  }

  private ProcessInstance startForm(Map<String, Object> fields) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("DataSubjectRequestProcess")
        .latestVersion().singleResult().getId();
    identity.setAuthentication("officer", List.of("gdpr-officer"));
    try {
      return forms.submitStartForm(definition, fields);
    } finally {
      identity.clearAuthentication();
    }
  }

  private String registerByEmail(String type, boolean identityVerified) throws Exception {
    String body = """
        {"type": "%s", "name": "Phone Caller", "email": "phone.caller@example.dk", "channel": "PHONE",
         "receivedAt": "%s", "identityVerified": %s, "identityNote": %s, "language": "en",
         "details": "Called on the support line"}
        """.formatted(type, TestClock.now().atOffset(ZoneOffset.UTC).minusHours(2), identityVerified,
        identityVerified ? "\"Known caller\"" : "null");
    String response = mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(response).path("reference").asText();
  }

}
