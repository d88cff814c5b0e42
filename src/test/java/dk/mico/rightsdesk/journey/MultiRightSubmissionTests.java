package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.request.Requests;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A web form submission naming several rights becomes one linked request per right. */
@RightsDeskSpringTest
class MultiRightSubmissionTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired Requests requests;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void severalRightsBecomeLinkedRequestsEachWithItsOwnReferenceProcessAndAcknowledgement() throws Exception {
    MvcResult submitted = mvc.perform(post("/").param("lang", "en").with(csrf())
            .param("type", "ACCESS", "ERASURE", "ACCESS")
            .param("name", "Lone Flere").param("email", "lone.flere@example.dk")
            .param("details", "Show me what you hold, then delete it."))
        .andExpect(status().is3xxRedirection()).andReturn();
    String page = mvc.perform(get(submitted.getResponse().getRedirectedUrl()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    List<String> references = references(page);
    assertThat(references).hasSize(2).doesNotHaveDuplicates();
    String access = references.get(0);
    String erasure = references.get(1);
    assertThat(page).contains("each is a request of its own");

    JsonNode accessView = api.view(access);
    JsonNode erasureView = api.view(erasure);
    assertThat(accessView.path("type").asText()).isEqualTo("ACCESS");
    assertThat(erasureView.path("type").asText()).isEqualTo("ERASURE");
    assertThat(texts(accessView.path("linkedReferences"))).containsExactly(erasure);
    assertThat(texts(erasureView.path("linkedReferences"))).containsExactly(access);
    assertThat(texts(accessView.path("history"), "step")).contains("RECEIVED", "LINKED_TO_SUBMISSION");
    assertThat(accessView.path("subject").path("details").asText()).isEqualTo("Show me what you hold, then delete it.");

    driver.runDueJobs();
    List<MimeMessage> acknowledgements = driver.mailTo("lone.flere@example.dk").stream()
        .filter(m -> TestDriver.subject(m).startsWith("We have received your request")).toList();
    assertThat(acknowledgements).hasSize(2);
    for (MimeMessage letter : acknowledgements) {
      String own = TestDriver.subject(letter).contains(access) ? access : erasure;
      String other = own.equals(access) ? erasure : access;
      assertThat(TestDriver.body(letter))
          .contains("Your reference is " + own)
          .contains("Your other requests from the same submission: " + other + ".")
          .contains("One confirmation link confirms them all.");
    }
    // one confirmation letter, the first request's, names the other; its link confirms both
    MimeMessage confirmation = driver.onlyMailTo("lone.flere@example.dk", "Confirm");
    assertThat(TestDriver.subject(confirmation)).contains(access);
    assertThat(TestDriver.body(confirmation))
        .contains("The link also confirms your other requests from the same submission: " + erasure + ".");
    assertThat(api.view(erasure).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
    mvc.perform(post("/confirm/" + TestDriver.linkToken(confirmation, "confirm")).with(csrf()))
        .andExpect(status().isOk());
    driver.runDueJobs();
    assertThat(api.view(access).path("status").asText()).isNotEqualTo("AWAITING_CONFIRMATION");
    assertThat(api.view(erasure).path("status").asText()).isNotEqualTo("AWAITING_CONFIRMATION");
    assertThat(texts(api.view(erasure).path("history"), "step")).contains("EMAIL_CONFIRMED");
    assertThat(driver.mailTo("lone.flere@example.dk").stream()
        .filter(m -> TestDriver.subject(m).contains("Confirm")).count()).isEqualTo(1);
  }

  @Test
  void aBadFieldStopsTheWholeSubmissionAndNothingIsStored() throws Exception {
    int before = requests.list(false).size();
    String form = mvc.perform(post("/").param("lang", "en").with(csrf())
            .param("type", "ACCESS", "PORTABILITY").param("name", "Lone Flere").param("email", "not an address"))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(form).contains("id=\"type-ACCESS\"").contains("checked");
    assertThat(requests.list(false)).hasSize(before);
  }

  @Test
  void aSingleRightStaysOneRequestWithNoLinks() throws Exception {
    MvcResult submitted = mvc.perform(post("/").with(csrf()).param("type", "RESTRICTION")
            .param("name", "Enkelt Person").param("email", "enkelt.person@example.dk"))
        .andExpect(status().is3xxRedirection()).andReturn();
    List<String> shown = references(mvc.perform(get(submitted.getResponse().getRedirectedUrl()))
        .andReturn().getResponse().getContentAsString());
    assertThat(shown).hasSize(1);
    String reference = shown.get(0);
    assertThat(api.view(reference).has("linkedReferences")).isFalse();
    driver.runDueJobs();
    assertThat(TestDriver.body(driver.onlyMailTo("enkelt.person@example.dk", "Vi har modtaget din anmodning " + reference))).doesNotContain("andre anmodninger");
  }

  /** The references on the receipt page, in order, each once. */
  private static List<String> references(String page) {
    return Pattern.compile("DSR-\\d{4}-\\d{5}").matcher(page).results().map(MatchResult::group).distinct().toList();
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static List<String> texts(JsonNode array, String field) {
    return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
  }

}
