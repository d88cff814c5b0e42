package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
import java.time.Instant;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The confirmation link's life: reminder, expiry, sending it again, and withdrawal from the status page. */
@RightsDeskSpringTest
class ConfirmationLinkTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @LocalServerPort int port;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @AfterEach
  void realTime() {
    driver.reset();
  }

  @Test
  void withoutAConfiguredPublicUrlTheLinksPointAtTheServersOwnPort() throws Exception {
    // the test profile sets no public URL and the server listens on a random port, as a demo on another port does
    String email = "port.check@example.dk";
    submit(email, "en");
    driver.runDueJobs();
    String own = "http://localhost:" + port + "/";
    assertThat(TestDriver.body(driver.onlyMailTo(email, "Confirm"))).contains(own + "confirm/");
    assertThat(TestDriver.body(driver.onlyMailTo(email, "received"))).contains(own + "status/");
  }

  @Test
  void unconfirmedRequestGetsOneReminderThenClosesWithAnArt12_4Letter() throws Exception {
    String email = "lone.berg@example.dk";
    Instant start = TestClock.now();
    String reference = submit(email, "da");
    driver.runDueJobs();
    String firstToken = TestDriver.linkToken(driver.onlyMailTo(email, "Bekræft din e-mailadresse"), "confirm");

    driver.setTime(Date.from(start.plus(Duration.ofDays(5)).plusSeconds(60)));
    driver.runDueJobs();
    String reminder = TestDriver.body(driver.onlyMailTo(email, "Påmindelse"));
    assertThat(reminder).contains(reference, "/confirm/");
    // the reminder's link replaces the first one
    mvc.perform(get("/confirm/" + firstToken)).andExpect(status().isGone());

    driver.setTime(Date.from(start.plus(Duration.ofDays(7)).plusSeconds(60)));
    driver.runDueJobs();
    String closing = TestDriver.body(driver.onlyMailTo(email, "er lukket"));
    assertThat(closing).contains("ikke bekræftet", "art. 12", "Datatilsynet", "domstolene");
    assertThat(driver.mailTo(email)).as("acknowledgement, link, reminder, closing letter").hasSize(4);
    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("UNCONFIRMED");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
  }

  @Test
  void statusPageSendsTheLinkAgainButTheWeekDoesNotStartOver() throws Exception {
    String email = "anders.dam@example.dk";
    Instant start = TestClock.now();
    String reference = submit(email, "en");
    driver.runDueJobs();
    String statusToken = TestDriver.linkToken(driver.onlyMailTo(email, "We have received"), "status");
    String firstLink = TestDriver.linkToken(driver.onlyMailTo(email, "Confirm your e-mail address"), "confirm");

    mvc.perform(get("/status/" + statusToken)).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Waiting for you to confirm")));
    driver.setTime(Date.from(start.plus(Duration.ofDays(3))));
    mvc.perform(post("/status/" + statusToken + "/resend").with(csrf())).andExpect(status().is3xxRedirection());
    driver.runDueJobs();
    List<MimeMessage> links = driver.mailTo(email).stream()
        .filter(m -> TestDriver.subject(m).startsWith("Confirm your e-mail address")).toList();
    assertThat(links).as("the first link and the one sent again").hasSize(2);
    String secondLink = TestDriver.linkToken(links.get(1), "confirm");
    // the new link replaces the old one, and keeps its expiry: the routine check costs at most a week
    mvc.perform(get("/confirm/" + firstLink)).andExpect(status().isGone());
    assertThat(TestDriver.body(links.get(1))).contains(TestDriver.body(links.get(0))
        .replaceAll("(?s).*until (.*?)\\. If you did not.*", "$1"));

    mvc.perform(post("/confirm/" + secondLink).with(csrf())).andExpect(status().isOk());
    assertThat(api.view(reference).path("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void subjectWithdrawsFromTheStatusPage() throws Exception {
    String email = "sofie.lund@example.dk";
    String reference = submit(email, "en");
    driver.runDueJobs();
    String statusToken = TestDriver.linkToken(driver.onlyMailTo(email, "We have received"), "status");

    // without ticking the box nothing happens
    mvc.perform(post("/status/" + statusToken + "/withdraw").with(csrf())).andExpect(status().is3xxRedirection());
    assertThat(api.view(reference).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");

    mvc.perform(post("/status/" + statusToken + "/withdraw").param("confirmWithdrawal", "yes").with(csrf()))
        .andExpect(status().is3xxRedirection());
    driver.runDueJobs();
    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("WITHDRAWN");
    assertThat(TestDriver.body(driver.onlyMailTo(email, "withdrawn"))).contains(reference);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    mvc.perform(get("/status/" + statusToken)).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Withdrawn")));
  }

  @Test
  void guessedOrMalformedLinksShowAPageThatRevealsNothing() throws Exception {
    mvc.perform(get("/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).andExpect(status().isNotFound());
    mvc.perform(get("/status/not-a-token")).andExpect(status().isNotFound());
    mvc.perform(get("/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("ikke gyldigt")));
    mvc.perform(post("/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").with(csrf()))
        .andExpect(status().isNotFound());
  }

  private String submit(String email, String language) throws Exception {
    return api.submitPublic("""
        {"type": "ACCESS", "name": "Test Person", "email": "%s", "language": "%s"}""".formatted(email, language));
  }

}
