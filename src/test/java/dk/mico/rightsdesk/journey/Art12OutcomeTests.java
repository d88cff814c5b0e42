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
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.ws.rs.core.Response.Status;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The ways a request ends under Art 12 besides an answer: a duplicate submission, a refusal under Art 12(5) decided
 * by the officer with a reason, and forwarding to the customer who is the controller.
 */
@RightsDeskSpringTest
class Art12OutcomeTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired RequestMarks marks;
  @Autowired RequestLifecycle lifecycle;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void duplicateSubmissionGetsItsOwnReferenceClosesLinkedToTheOpenOneAndTheSubjectIsTold() throws Exception {
    String submission = """
        {"type": "ERASURE", "name": "Dorte Dublet", "email": "dorte.dublet@example.dk", "language": "en"}""";
    MvcResult first = mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(submission))
        .andExpect(status().isAccepted()).andReturn();
    MvcResult second = mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(submission))
        .andExpect(status().isAccepted()).andReturn();
    JsonNode firstAnswer = json.readTree(first.getResponse().getContentAsString());
    JsonNode secondAnswer = json.readTree(second.getResponse().getContentAsString());
    // the public answer reveals nothing: the same shape, a new reference
    assertThat(secondAnswer.fieldNames()).toIterable().containsExactlyElementsOf(() -> firstAnswer.fieldNames());
    String open = firstAnswer.path("reference").asText();
    String duplicate = secondAnswer.path("reference").asText();
    assertThat(duplicate).isNotEqualTo(open);

    driver.runDueJobs();
    JsonNode closed = api.view(duplicate);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(closed.path("outcomes").path("duplicateOf").asText()).isEqualTo(open);
    assertThat(TestDriver.body(driver.onlyMailTo("dorte.dublet@example.dk", "already have an open request")))
        .contains(duplicate, open);
    assertThat(api.view(open).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(duplicate).count()).isZero();
  }

  @Test
  void objectionToDirectMarketingIsNeverADuplicateOfAGeneralObjection() throws Exception {
    String general = api.submitPublic("""
        {"type": "OBJECTION", "objectionScope": "GENERAL", "name": "Ole Objekt", "email": "ole.objekt@example.dk"}""");
    String marketing = api.submitPublic("""
        {"type": "OBJECTION", "objectionScope": "DIRECT_MARKETING", "name": "Ole Objekt",
         "email": "ole.objekt@example.dk"}""");
    driver.runDueJobs();

    assertThat(api.view(marketing).path("outcome").asText()).as("carried out at once, Art 21(3)")
        .isNotEqualTo("DUPLICATE");
    assertThat(api.view(marketing).path("outcomes").has("duplicateOf")).isFalse();
    assertThat(api.view(general).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
  }

  @Test
  void officerRefusesAnExcessiveRequestWithAReasonSeeingTheSubjectsEarlierRequests() throws Exception {
    String earlier = register("ACCESS", "rasmus.repeat@example.dk");
    String reference = register("PORTABILITY", "rasmus.repeat@example.dk");
    driver.runDueJobs();

    mvc.perform(get("/api/officer/requests/" + reference + "/earlier-requests").with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].reference").value(earlier))
        .andExpect(jsonPath("$[0].type").value("ACCESS"));
    mvc.perform(post("/api/officer/requests/" + reference + "/refusal").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"ground\": \"EXCESSIVE\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(api.view(reference).path("status").asText()).as("a refusal without reason changes nothing")
        .isEqualTo("IN_PROGRESS");

    mvc.perform(post("/api/officer/requests/" + reference + "/refusal").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"ground": "EXCESSIVE", "reason": "The same data was sent to you twice this month, unchanged.",
                 "facts": "Access on 2 and 16 November, word for word the same; nothing changed in between."}"""))
        .andExpect(status().isAccepted());
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(view.path("history").findValuesAsText("step")).contains("REFUSED_UNDER_ART_12_5");
    assertThat(TestDriver.body(driver.onlyMailTo("rasmus.repeat@example.dk", "will not act")))
        .contains("because we find that it is excessive", "Reason: The same data was sent to you twice this month",
            "Art 12(5)", "Datatilsynet", "court");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).count()).isZero();
    // the earlier request is not touched
    assertThat(api.view(earlier).path("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void danishRefusalLetterWordsTheGroundInDanishAndGivesOnlyTheOfficersReason() throws Exception {
    String reference = register("ACCESS", "dina.grundloes@example.dk", "da");
    driver.runDueJobs();

    mvc.perform(post("/api/officer/requests/" + reference + "/refusal").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"ground": "MANIFESTLY_UNFOUNDED", "reason": "Anmodningen gælder en kunde, du ikke er."}"""))
        .andExpect(status().isAccepted());
    driver.runDueJobs();

    assertThat(TestDriver.body(driver.onlyMailTo("dina.grundloes@example.dk", "imødekommer ikke")))
        .contains("fordi vi vurderer, at den er åbenbart grundløs",
            "Begrundelse: Anmodningen gælder en kunde, du ikke er.")
        .doesNotContain("The request is", "unfounded", "(Art 12(5))");
  }

  @Test
  void requestAboutACustomersDataIsForwardedToThatControllerAndTheSubjectToldWhoItIs() throws Exception {
    String reference = register("ACCESS", "frida.forward@example.dk");
    driver.runDueJobs();

    mvc.perform(post("/api/officer/requests/" + reference + "/forwarding").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"customer\": \"unknown-customer\", \"reason\": \"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("customer"));
    mvc.perform(post("/api/officer/requests/" + reference + "/forwarding").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"customer": "fjordbyg", "reason": "The data is in Fjordbyg's own HR system, which MICO hosts."}"""))
        .andExpect(status().isAccepted());
    driver.runDueJobs();

    String notice = TestDriver.body(driver.onlyMailTo("gdpr@fjordbyg.example", reference));
    assertThat(notice)
        .contains("Fjordbyg A/S", "punkt 7.2", "art. 28, stk. 3, litra e", "Test Person", "frida.forward@example.dk");
    String letter = TestDriver.body(driver.onlyMailTo("frida.forward@example.dk", "sent to the controller"));
    assertThat(letter).contains("Fjordbyg A/S", "Fjordvej 21, 4000 Roskilde", "gdpr@fjordbyg.example")
        .as("F32: the complaint block").contains("Datatilsynet", "Art 77", "court");
    JsonNode view = api.view(reference);
    assertThat(view.path("outcome").asText()).isEqualTo("FORWARDED_TO_CONTROLLER");
    assertThat(view.path("outcomes").path("forwardedTo").asText()).isEqualTo("fjordbyg");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
  }

  @Test
  void officerAnnouncesAFeeFromTasklistAfterSeeingTheEarlierRequests() throws Exception {
    String earlier = register("ACCESS", "frank.fee@example.dk");
    String reference = register("ERASURE", "frank.fee@example.dk");
    driver.runDueJobs();
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("Art12DecisionProcess")
        .latestVersion().singleResult().getId();
    identity.setAuthentication("officer", List.of("gdpr-officer"));
    try {
      forms.submitStartForm(definition, Map.of("requestReference", reference));
    } finally {
      identity.clearAuthentication();
    }

    Task decide = driver.onlyTask(reference, "UserTask_DecideOutcome");
    assertThat((String) tasks.getVariableLocal(decide.getId(), "earlierRequests")).contains(earlier, "access");
    assertThatThrownBy(() -> driver.submitAsOfficer(decide, Map.of("decision", "FEE", "ground", "EXCESSIVE")))
        .isInstanceOf(RestException.class)
        .hasFieldOrPropertyWithValue("status", Status.BAD_REQUEST).hasMessageContaining("feeAmount").hasMessageContaining("reason");
    driver.submitAsOfficer(decide, Map.of("decision", "FEE", "ground", "EXCESSIVE", "feeAmount", 250,
        "reason", "Third identical request in four weeks.",
        "facts", "Erasure asked on 9, 16 and 30 November in the same words; each was answered."));
    driver.runDueJobs();

    assertThat(TestDriver.body(driver.onlyMailTo("frank.fee@example.dk", "A fee for your request")))
        .contains("your request is excessive", "DKK 250", "Third identical request in four weeks.", "Datatilsynet");
    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).as("the request goes on").isEqualTo("IN_PROGRESS");
    assertThat(view.path("outcomes").path("feeAnnounced").asInt()).isEqualTo(250);
  }

  @Test
  void feeAcceptedByTheSubjectLetsTheHandlingGoOn() throws Exception {
    String reference = feeAnnounced("fie.fee@example.dk");
    Task answer = driver.onlyTask(reference, "UserTask_RegisterFeeAnswer");
    assertThatThrownBy(() -> driver.submitAsOfficer(answer, Map.of()))
        .isInstanceOf(RestException.class)
        .hasFieldOrPropertyWithValue("status", Status.BAD_REQUEST).hasMessageContaining("feeAnswer");

    driver.submitAsOfficer(answer, Map.of("feeAnswer", "ACCEPTED", "feeAnswerNote", "Paid by bank transfer."));
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.path("history").findValuesAsText("step")).contains("FEE_ACCEPTED");
    assertThat(driver.openTasks(reference, "UserTask_RegisterFeeAnswer")).isZero();
    assertThat(driver.openTasks(reference, "UserTask_ReviewLegalBasis")).as("the erasure is being handled").isOne();
  }

  @Test
  void feeDeclinedRefusesTheRequestWithTheArt12_4Letter() throws Exception {
    String reference = feeAnnounced("finn.fee@example.dk");
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_RegisterFeeAnswer"),
        Map.of("feeAnswer", "DECLINED", "feeAnswerNote", "Wrote back that he will not pay."));
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(view.path("history").findValuesAsText("step")).contains("FEE_DECLINED");
    assertThat(TestDriver.body(driver.onlyMailTo("finn.fee@example.dk", "We will not act on your request " + reference)))
        .contains("do not want to pay the fee of DKK 250", "Datatilsynet");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
  }

  @Test
  void noAnswerToTheFeeInTimeRefusesTheRequest() throws Exception {
    String reference = feeAnnounced("frida.fee@example.dk");
    driver.setTime(java.util.Date.from(TestClock.now().plus(java.time.Duration.ofDays(32))));
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(view.path("history").findValuesAsText("step")).contains("FEE_NOT_ANSWERED");
    assertThat(TestDriver.body(driver.onlyMailTo("frida.fee@example.dk", "We will not act on your request " + reference)))
        .contains("did not tell us in time", "Datatilsynet");
  }

  /** An erasure request whose subject was told of a fee through the officer API; the officer waits for the answer. */
  private String feeAnnounced(String email) throws Exception {
    String reference = register("ERASURE", email);
    driver.runDueJobs();
    mvc.perform(post("/api/officer/requests/" + reference + "/fee").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"ground\": \"EXCESSIVE\", \"amount\": 250, \"reason\": \"Fourth request this month.\","
                + " \"facts\": \"Four erasure requests since 1 November, word for word the same.\"}"))
        .andExpect(status().is2xxSuccessful());
    driver.runDueJobs();
    assertThat(TestDriver.body(driver.onlyMailTo(email, "A fee for your request"))).contains("DKK 250");
    return reference;
  }

  @Test
  void f10_printedExtensionLetterIsDueWithinTheFirstMonthAndAPostingAfterItIsFlaggedForManagers() throws Exception {
    ZoneId copenhagen = ZoneId.of("Europe/Copenhagen");
    String reference = api.register("""
        {"type": "ACCESS", "name": "Poul Sen", "postalAddress": "Vestergade 5, 6700 Esbjerg", "channel": "LETTER",
         "receivedAt": "%s", "identityVerified": true, "identityNote": "Signed letter", "language": "da"}
        """.formatted(TestClock.now().atOffset(ZoneOffset.UTC).minusDays(20).withNano(0)));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostAcknowledgement"), Map.of("letterPosted", true));
    mvc.perform(post("/api/officer/requests/" + reference + "/extension").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reasonCode\": \"COMPLEXITY\", \"reason\": \"Dine oplysninger ligger i seks systemer.\"}"))
        .andExpect(status().isOk());
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    LocalDate firstMonthEnds = LocalDate.parse(view.path("originalDueDate").asText());
    assertThat(LocalDate.parse(view.path("dueDate").asText())).isAfter(firstMonthEnds.plusMonths(1));
    Task posting = driver.onlyTask(reference, "UserTask_PostExtensionLetter");
    assertThat(posting.getDueDate().toInstant().atZone(copenhagen).toLocalDate())
        .as("Art 12(3): told within the first month, not by the extended deadline").isEqualTo(firstMonthEnds);
    assertThat(dashboardRow(reference).path("extensionLetterLate").asBoolean()).isFalse();

    // the first month runs out before the letter is posted: flagged while it waits and once it is posted late
    driver.setTime(Date.from(firstMonthEnds.plusDays(2).atTime(10, 0).atZone(copenhagen).toInstant()));
    assertThat(dashboardRow(reference).path("extensionLetterLate").asBoolean()).isTrue();
    driver.submitAsOfficer(posting, Map.of("letterPosted", true));
    driver.runDueJobs();
    assertThat(dashboardRow(reference).path("extensionLetterLate").asBoolean()).isTrue();
    assertThat(dashboardRow(reference).path("registeredAfterDeadline").asBoolean()).isFalse();
  }

  private JsonNode dashboardRow(String reference) throws Exception {
    for (JsonNode row : json.readTree(mvc.perform(get("/api/officer/dashboard?limit=1000").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).path("requests")) {
      if (row.path("reference").asText().equals(reference)) {
        return row;
      }
    }
    throw new AssertionError(reference + " is not on the dashboard");
  }

  @Test
  void subjectWithoutEmailGetsTheLettersInDanishPrintedForPosting() throws Exception {
    String body = """
        {"type": "ACCESS", "name": "Poul Post", "postalAddress": "Vestergade 3, 6700 Esbjerg", "channel": "LETTER",
         "receivedAt": "%s", "identityVerified": true, "identityNote": "Signed letter", "language": "da"}
        """.formatted(TestClock.now().atOffset(ZoneOffset.UTC).minusDays(3).withNano(0));
    String reference = json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostAcknowledgement"), Map.of("letterPosted", true));

    mvc.perform(post("/api/officer/requests/" + reference + "/extension").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reasonCode\": \"COMPLEXITY\", \"reason\": \"Dine oplysninger ligger i seks systemer.\"}"))
        .andExpect(status().isOk());
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostExtensionLetter"), Map.of("letterPosted", true));
    mvc.perform(post("/api/officer/requests/" + reference + "/forwarding").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"customer\": \"nordlys-tandklinik\", \"reason\": \"Patientdata i klinikkens system\"}"))
        .andExpect(status().isAccepted());
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostForwardedLetter"), Map.of("letterPosted", true));
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("outcome").asText()).isEqualTo("FORWARDED_TO_CONTROLLER");
    assertThat(view.path("letters").findValuesAsText("kind"))
        .containsExactly("ACKNOWLEDGEMENT", "EXTENSION", "FORWARDED");
    assertThat(view.path("letters").findValuesAsText("state")).containsOnly("POSTED");
    assertThat(view.path("letters").get(1).path("body").asText())
        .contains("forlænger fristen med to måneder", "Dine oplysninger ligger i seks systemer.", "Datatilsynet")
        .doesNotContain("linket");
    assertThat(view.path("letters").get(2).path("body").asText())
        .contains("Nordlys Tandklinik ApS", "Havnegade 7, 8000 Aarhus C", "dataansvarlig");
    assertThat(driver.mailTo("persondata@nordlys-tandklinik.example")).hasSize(1);
  }

  @Test
  void f16_danishLettersUseTheRegulationsWordsForAnExcessiveRequest() throws Exception {
    String reference = register("ACCESS", "ditte.overdreven@example.dk", "da");
    driver.runDueJobs();

    mvc.perform(post("/api/officer/requests/" + reference + "/refusal").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"ground": "EXCESSIVE", "reason": "Du har fået den samme kopi tre gange i november.",
                 "facts": "Indsigt 2., 9. og 16. november med samme ordlyd; intet ændret imellem."}"""))
        .andExpect(status().isAccepted());
    driver.runDueJobs();

    assertThat(TestDriver.body(driver.onlyMailTo("ditte.overdreven@example.dk", "imødekommer ikke")))
        .contains("fordi vi vurderer, at den er overdreven",
            "\"åbenbart grundløse eller overdrevne, navnlig fordi de gentages\"")
        .doesNotContain("urimelig");
  }

  @Test
  void f28_directMarketingObjectionCannotBeRefused() throws Exception {
    String reference = registerJson("""
        {"type": "OBJECTION", "objectionScope": "DIRECT_MARKETING", "name": "Dan Direkte",
         "email": "dan.direkte@example.dk", "channel": "EMAIL", "receivedAt": "%s", "identityVerified": true,
         "identityNote": "Wrote from the address", "language": "en"}""");

    mvc.perform(post("/api/officer/requests/" + reference + "/refusal").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"ground": "MANIFESTLY_UNFOUNDED", "reason": "He objected twice."}"""))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Art 21(3)")));
    mvc.perform(post("/api/officer/requests/" + reference + "/fee").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"ground": "MANIFESTLY_UNFOUNDED", "amount": 100, "reason": "He objected twice."}"""))
        .andExpect(status().isConflict());
    assertThat(api.view(reference).path("history").findValuesAsText("step"))
        .doesNotContain("REFUSED_UNDER_ART_12_5", "FEE_ANNOUNCED");
  }

  @Test
  void f28_withdrawalOfConsentCannotBeChargedForFromTasklist() throws Exception {
    String reference = register("CONSENT_WITHDRAWAL", "wanda.withdraw@example.dk");
    Task decide = startArt12Decision(reference);

    assertThatThrownBy(() -> driver.submitAsOfficer(decide, Map.of("decision", "FEE", "ground",
        "MANIFESTLY_UNFOUNDED", "feeAmount", 100, "reason", "Withdrew twice.")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Art 7(3)");
    assertThat(api.view(reference).path("history").findValuesAsText("step")).doesNotContain("FEE_ANNOUNCED");
  }

  @Test
  void f29_declinedFeeRepeatsTheArt12_5ReasonAndKeepsTheOfficersNoteOutOfTheLetter() throws Exception {
    String reference = feeAnnounced("fabian.fee@example.dk");
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_RegisterFeeAnswer"),
        Map.of("feeAnswer", "DECLINED", "feeAnswerNote", "Called on 3 March, will not pay."));
    driver.runDueJobs();

    assertThat(TestDriver.body(driver.onlyMailTo("fabian.fee@example.dk", "We will not act on your request")))
        .contains("because we find that it is excessive", "Reason: Fourth request this month.",
            "do not want to pay the fee of DKK 250")
        .doesNotContain("Called on 3 March");
    assertThat(api.view(reference).path("history").findValuesAsText("note")).contains("Called on 3 March, will not pay.");
  }

  @Test
  void f30_excessiveNeedsTheFactsThatShowItAndTheyAreKeptWithTheRequest() throws Exception {
    String reference = register("ACCESS", "fie.facts@example.dk");
    driver.runDueJobs();
    Task decide = startArt12Decision(reference);

    assertThatThrownBy(() -> driver.submitAsOfficer(decide, Map.of("decision", "REFUSE", "ground", "EXCESSIVE",
        "reason", "You asked three times.")))
        .isInstanceOf(RestException.class)
        .hasFieldOrPropertyWithValue("status", Status.BAD_REQUEST).hasMessageContaining("facts");
    assertThat(api.view(reference).path("status").asText()).isEqualTo("IN_PROGRESS");
    driver.submitAsOfficer(decide, Map.of("decision", "REFUSE", "ground", "EXCESSIVE",
        "reason", "You asked three times.", "facts", "Access asked on 2, 3 and 4 November in the same words."));

    assertThat(marks.of(lifecycle.get(reference).id()).art12Facts())
        .isEqualTo("Access asked on 2, 3 and 4 November in the same words.");
    driver.runDueJobs();
    assertThat(TestDriver.body(driver.onlyMailTo("fie.facts@example.dk", "will not act")))
        .doesNotContain("2, 3 and 4 November");
  }

  @Test
  void f8_complaintBlockNamesDatatilsynetWithAddressAndWebsiteAndTheAuthorityWhereTheSubjectLivesOrWorks()
      throws Exception {
    String english = register("ACCESS", "klaus.klage@example.dk");
    String danish = register("ACCESS", "karen.klage@example.dk", "da");
    driver.runDueJobs();
    for (String reference : List.of(english, danish)) {
      mvc.perform(post("/api/officer/requests/" + reference + "/refusal").with(httpBasic("officer", "officer"))
              .contentType(MediaType.APPLICATION_JSON).content("""
                  {"ground": "MANIFESTLY_UNFOUNDED", "reason": "No such customer."}"""))
          .andExpect(status().isAccepted());
    }
    driver.runDueJobs();

    assertThat(TestDriver.body(driver.onlyMailTo("klaus.klage@example.dk", "will not act")))
        .contains("Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk",
            "supervisory authority of the EU or EEA country where you live or work or where the infringement took"
                + " place (Art 77 GDPR)");
    assertThat(TestDriver.body(driver.onlyMailTo("karen.klage@example.dk", "imødekommer ikke")))
        .contains("Datatilsynet, Carl Jacobsens Vej 35, 2500 Valby, www.datatilsynet.dk",
            "tilsynsmyndigheden i det EU-/EØS-land, hvor du bor eller arbejder, eller hvor overtrædelsen er sket");
  }

  @Test
  void f41_rectificationAcknowledgementOffersRestrictionWhileAccuracyIsChecked() throws Exception {
    register("RECTIFICATION", "rikke.ret@example.dk", "da");
    register("ERASURE", "sune.slet@example.dk", "da");
    driver.runDueJobs();

    assertThat(TestDriver.body(driver.onlyMailTo("rikke.ret@example.dk", "Vi har modtaget din anmodning")))
        .contains("Du kan bede os om at begrænse behandlingen af oplysningerne, mens vi undersøger, om de er korrekte"
            + " (databeskyttelsesforordningens art. 18, stk. 1, litra a).");
    assertThat(TestDriver.body(driver.onlyMailTo("sune.slet@example.dk", "Vi har modtaget din anmodning")))
        .doesNotContain("art. 18");
  }

  @Test
  void f33_duplicateComparesWhatIsAskedAndCarriesTheNewTextToTheOpenRequest() throws Exception {
    String open = api.submitPublic("""
        {"type": "RECTIFICATION", "name": "Rolf Rettelse", "email": "rolf.rettelse@example.dk", "language": "en",
         "details": "My phone number is wrong in your customer register."}""");
    String same = api.submitPublic("""
        {"type": "RECTIFICATION", "name": "Rolf Rettelse", "email": "rolf.rettelse@example.dk", "language": "en",
         "details": "My phone number is   wrong in your customer register."}""");
    String more = api.submitPublic("""
        {"type": "RECTIFICATION", "name": "Rolf Rettelse", "email": "rolf.rettelse@example.dk", "language": "en",
         "details": "And my job title is out of date as well."}""");
    driver.runDueJobs();

    JsonNode openView = api.view(open);
    assertThat(openView.path("subject").path("details").asText())
        .isEqualTo("My phone number is wrong in your customer register.\n\n[added from " + more + "] And my job title"
            + " is out of date as well.");
    assertThat(openView.path("history").findValuesAsText("note")).contains(more).doesNotContain(same);
    assertThat(openView.path("history").findValuesAsText("step")).containsOnlyOnce("DETAILS_ADDED_FROM_DUPLICATE");
    assertThat(api.view(more).path("outcome").asText()).isEqualTo("DUPLICATE");
    assertThat(api.view(same).path("outcome").asText()).isEqualTo("DUPLICATE");

    List<String> letters = driver.mailTo("rolf.rettelse@example.dk").stream()
        .filter(mail -> TestDriver.subject(mail).startsWith("You already have an open request")).map(mail -> {
          assertThat(TestDriver.subject(mail)).as("the subject line names the open request")
              .isEqualTo("You already have an open request: " + open);
          return TestDriver.body(mail);
        }).toList();
    assertThat(letters).hasSize(2).allSatisfy(letter -> assertThat(letter).contains("Datatilsynet", "Art 77"));
    assertThat(letters).filteredOn(letter -> letter.contains(more)).singleElement().asString()
        .contains("We have added what you wrote in the new request to " + open);
    assertThat(letters).filteredOn(letter -> letter.contains(same)).singleElement().asString()
        .contains("please write to us and quote " + open);
  }

  @Test
  void f32_forwardingToACustomerOnlyAfterTheSubjectConfirmedTheAddress() throws Exception {
    String reference = api.submitPublic("""
        {"type": "ACCESS", "name": "Una Unconfirmed", "email": "una.unconfirmed@example.dk", "language": "en"}""");
    driver.runDueJobs();

    mvc.perform(post("/api/officer/requests/" + reference + "/forwarding").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"customer": "nordlys-tandklinik", "reason": "Patient data in the clinic's system"}"""))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("only after the subject confirmed")));
    driver.runDueJobs();

    assertThat(driver.mailTo("persondata@nordlys-tandklinik.example")).isEmpty();
    assertThat(driver.mailTo("una.unconfirmed@example.dk")).noneMatch(mail -> TestDriver.body(mail).contains("Nordlys"));
    assertThat(api.view(reference).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
  }

  @Test
  void f32_onlyTheCustomersPartIsForwardedWhenMicoHoldsDataOfItsOwnToo() throws Exception {
    String reference = register("ACCESS", "signe.split@example.dk", "da");
    driver.runDueJobs();

    mvc.perform(post("/api/officer/requests/" + reference + "/forwarding").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"customer": "fjordbyg", "reason": "HR-data i Fjordbygs eget system", "ownDataToo": true}"""))
        .andExpect(status().isAccepted());
    driver.runDueJobs();

    String notice = TestDriver.body(driver.onlyMailTo("gdpr@fjordbyg.example", "sendt videre til jer"));
    assertThat(notice).as("the Danish customer is told in Danish, the request's facts in words")
        .contains("Til Fjordbyg A/S", "databehandleraftalen af 12. juni 2023, punkt 7.2",
            "art. 28, stk. 3, litra e", "Sagsnummer: " + reference, "Rettighed: indsigt",
            "(pr. e-mail)", "Navn: Test Person", "E-mail: signe.split@example.dk",
            "Identiteten er kontrolleret af os: ja")
        .doesNotContain("forward", "controller", "Received");
    assertThat(TestDriver.body(driver.onlyMailTo("signe.split@example.dk", "sendt til den dataansvarlige")))
        .contains("Fjordbyg A/S", "handler også om oplysninger, som", "selv behandler som dataansvarlig",
            "Datatilsynet");
    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).as("the request goes on for MICO's own data").isEqualTo("IN_PROGRESS");
    assertThat(view.path("outcomes").path("forwardedTo").asText()).isEqualTo("fjordbyg");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isPositive();
  }

  /** The officer starts "Refuse, charge a fee or forward a request" from Tasklist for the request. */
  private Task startArt12Decision(String reference) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("Art12DecisionProcess")
        .latestVersion().singleResult().getId();
    identity.setAuthentication("officer", List.of("gdpr-officer"));
    try {
      forms.submitStartForm(definition, Map.of("requestReference", reference));
    } finally {
      identity.clearAuthentication();
    }
    return driver.onlyTask(reference, "UserTask_DecideOutcome");
  }

  /** Registers by the officer API; %s in the body is the time of receipt (two days ago). */
  private String registerJson(String body) throws Exception {
    String response = mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body.formatted(TestClock.now().atOffset(ZoneOffset.UTC).minusDays(2).withNano(0))))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(response).path("reference").asText();
  }

  private String register(String type, String email) throws Exception {
    return register(type, email, "en");
  }

  private String register(String type, String email, String language) throws Exception {
    String body = """
        {"type": "%s", "name": "Test Person", "email": "%s", "channel": "EMAIL", "receivedAt": "%s",
         "identityVerified": true, "identityNote": "Wrote from the address in the customer record", "language": "%s"}
        """.formatted(type, email, TestClock.now().atOffset(ZoneOffset.UTC).minusDays(2).withNano(0), language);
    String response = mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(response).path("reference").asText();
  }
}
