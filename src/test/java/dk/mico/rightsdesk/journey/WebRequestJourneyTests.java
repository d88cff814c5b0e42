package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A web request's whole life: submission, the real confirmation e-mail, the officer's work, the answer letter. */
@RightsDeskSpringTest
class WebRequestJourneyTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void webRequestIsConfirmedCheckedAndAnswered() throws Exception {
    String email = "karen.holm@example.dk";
    String reference = submit("""
        {"type": "RECTIFICATION", "name": "Karen Holm", "email": "%s", "language": "en",
         "details": "My surname is Holm, not Holmes"}
        """.formatted(email));
    driver.runDueJobs();

    MimeMessage acknowledgement = driver.onlyMailTo(email, "We have received your request " + reference);
    assertThat(TestDriver.body(acknowledgement)).contains(reference, "What happens next", "/status/");
    MimeMessage confirmation = driver.onlyMailTo(email, "Confirm your e-mail address");
    String token = TestDriver.linkToken(confirmation, "confirm");
    assertThat(api.view(reference).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");

    // opening the link (as a mail scanner would) confirms nothing
    mvc.perform(get("/confirm/" + token)).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("I confirm my e-mail address")));
    assertThat(api.view(reference).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");

    mvc.perform(post("/confirm/" + token).with(csrf())).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("is confirmed")));
    assertThat(api.view(reference).path("status").asText()).isEqualTo("IN_PROGRESS");
    // single use
    mvc.perform(post("/confirm/" + token).with(csrf()))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("This link has been used")));

    driver.runDueJobs();
    Task check = driver.onlyTask(reference, "UserTask_CheckAccuracy");
    assertThat(check.getDueDate()).isNotNull();
    driver.submitAsOfficer(check, Map.of("accuracyDecision", "SUPPLEMENT",
        "accuracyStatement", "The subject's surname is Holm, not Holmes."));
    driver.runDueJobs();
    driver.nothingHeldByHand(reference);

    Task approval = driver.onlyTask(reference, "UserTask_ApproveAnswer");
    driver.submitAsOfficer(approval, Map.of("answerDecision", "SEND"));
    driver.runDueJobs();

    String answer = TestDriver.body(driver.onlyMailTo(email, "Our answer to your request " + reference));
    assertThat(answer).contains("surname is Holm, not Holmes", "Datatilsynet");
    JsonNode closed = api.view(reference);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("outcome").asText()).isEqualTo("FULFILLED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(closed.path("letters").size()).as("archived letters").isEqualTo(3);
    assertThat(closed.path("letters").toString()).doesNotContain(token);
    // the engine's history keeps no variable values, so no personal data
    assertThat(history.createHistoricVariableInstanceQuery().count()).isZero();
  }

  private String submit(String body) throws Exception {
    String response = mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.reference").value(org.hamcrest.Matchers.matchesPattern("DSR-\\d{4}-\\d{5}")))
        .andReturn().getResponse().getContentAsString();
    return json.readTree(response).path("reference").asText();
  }

}
