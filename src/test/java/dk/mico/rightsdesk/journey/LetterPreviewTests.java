package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * F6: text an officer types for a letter goes to the subject word for word. Every form that feeds a letter shows the
 * language of the subject's letters and says so, and the officer can read the whole letter with the text as typed
 * before it is sent, one page for every letter that carries the officer's text.
 */
@RightsDeskSpringTest
class LetterPreviewTests {

  /** The forms whose text goes into a letter to the subject. */
  private static final List<String> FORMS_THAT_FEED_A_LETTER = List.of("DecideArt12OutcomeForm",
      "CheckIdentityForm", "CarryOutByHandForm", "BalanceObjectionForm", "CheckAccuracyForm", "ReviewReportForm",
      "HandleByHandForm", "SendToControllerForm");

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired ObjectMapper json;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void f6_everyFormThatFeedsALetterShowsTheLettersLanguageAndSaysTheTextGoesToTheSubject() throws Exception {
    for (String name : FORMS_THAT_FEED_A_LETTER) {
      JsonNode form = json.readTree(Files.readString(Path.of("processes", name + ".form")));
      assertThat(form.path("components").findValuesAsText("key")).as(name).contains("letterLanguage");
      assertThat(form.path("components").findValuesAsText("label")).as(name)
          .anyMatch(label -> label.contains("to the subject word for word, in the letter's language"));
    }
    for (String name : List.of("DecideArt12OutcomeForm", "CheckIdentityForm", "ExtendDeadlineForm")) {
      assertThat(Files.readString(Path.of("processes", name + ".form"))).as(name)
          .contains("See the whole letter with your")
          .containsPattern("\\{\\{letterPreviewLink}}|/officer/letters/preview");
    }

    String reference = register("ACCESS", "dagmar.dansk@example.dk", "da");
    driver.runDueJobs();
    Task decide = startArt12Decision(reference);
    assertThat(tasks.getVariableLocal(decide.getId(), "letterLanguage")).isEqualTo("Danish (dansk)");
    assertThat(tasks.getVariableLocal(decide.getId(), "letterPreviewLink"))
        .isEqualTo("/officer/letters/preview?reference=" + reference);
  }

  @Test
  void f6_previewShowsTheWholeLetterWithTheOfficersTextAndSendsNothing() throws Exception {
    String reference = register("ACCESS", "peter.preview@example.dk", "da");
    driver.runDueJobs();
    int mailsBefore = driver.mailTo("peter.preview@example.dk").size();

    String page = mvc.perform(preview(reference, "REFUSAL_EXCESSIVE", "Du har fået den samme kopi tre gange.")
            .param("ground", "EXCESSIVE"))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

    assertThat(page).contains("Danish (dansk)", "Vi imødekommer ikke din anmodning " + reference,
        "Kære Test Person", "fordi vi vurderer, at den er overdreven",
        "Begrundelse: Du har fået den samme kopi tre gange.", "Datatilsynet")
        .doesNotContain("language-warning");
    assertThat(driver.mailTo("peter.preview@example.dk")).as("nothing is sent").hasSize(mailsBefore);
    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(view.path("letters").findValuesAsText("kind")).doesNotContain("REFUSAL_EXCESSIVE");
  }

  @Test
  void f6_everyLetterWithOfficersTextCanBePreviewedInTheSubjectsLanguage() throws Exception {
    String reference = register("RESTRICTION", "laura.lang@example.dk", "en");
    driver.runDueJobs();
    Map<String, String> expected = Map.of(
        "EXTENSION", "We need more time for your request",
        "REFUSAL_EXCESSIVE", "We will not act on your request",
        "FEE_ANNOUNCED", "The fee is DKK 250",
        "IDENTITY_INFORMATION_REQUEST", "Please send us:",
        "UNVERIFIABLE", "This is what we needed to be sure it is you: OFFICER TEXT",
        "RESTRICTION_LIFT_NOTICE", "We will lift the restriction on");
    for (var kind : expected.entrySet()) {
      String page = mvc.perform(preview(reference, kind.getKey(), "OFFICER TEXT").param("feeAmount", "250"))
          .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
      assertThat(page).as(kind.getKey()).contains(kind.getValue(), "OFFICER TEXT", "Language of the letter",
          ">English<");
    }
  }

  @Test
  void f6_previewWarnsWhenTextForADanishLetterLooksEnglish() throws Exception {
    String reference = register("ERASURE", "dorthe.dansk@example.dk", "da");
    driver.runDueJobs();

    String english = mvc.perform(preview(reference, "EXTENSION", "Your data is spread over six systems."))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(english).contains("language-warning", "Your text does not look Danish (dansk)",
        "Vi har brug for mere tid til din anmodning " + reference, "forlænger fristen med to måneder");
    String danish = mvc.perform(preview(reference, "EXTENSION", "Dine oplysninger ligger i seks systemer, og vi"
            + " skal have dem alle med."))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(danish).doesNotContain("language-warning");
  }

  @Test
  void f6_previewIsForOfficersOnly() throws Exception {
    mvc.perform(get("/officer/letters/preview").with(httpBasic("manager", "manager")))
        .andExpect(status().isForbidden());
  }

  private MockHttpServletRequestBuilder preview(String reference, String kind, String text) {
    return post("/officer/letters/preview").with(httpBasic("officer", "officer")).with(csrf())
        .param("reference", reference).param("kind", kind).param("text", text);
  }

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

  private String register(String type, String email, String language) throws Exception {
    return api.register("""
        {"type": "%s", "name": "Test Person", "email": "%s", "channel": "EMAIL", "receivedAt": "%s",
         "identityVerified": true, "identityNote": "Wrote from the address in the customer record",
         "language": "%s"}""".formatted(type, email, TestClock.now().minusSeconds(3600), language));
  }
}
