package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.support.TestClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;

import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Bad input gets a problem document naming every bad field, and nothing is stored or started. */
@RightsDeskSpringTest
class IntakeValidationTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;

  private long requestsBefore;
  private long processesBefore;

  @BeforeEach
  void count() {
    driver.reset();
    requestsBefore = requests();
    processesBefore = runtime.createProcessInstanceQuery().count();
  }

  @Test
  void publicSubmissionNamesEveryBadField() throws Exception {
    submitPublic("""
        {"type": "SOMETHING", "email": "not-an-address", "phone": "call me", "language": "fr",
         "objectionScope": "GENERAL"}""")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.type").exists())
        .andExpect(jsonPath("$.detail").exists())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("type", "name", "email", "phone",
            "language")));
    assertNothingStored();
  }

  @Test
  void objectionNeedsItsScopeAndOtherRightsRefuseOne() throws Exception {
    submitPublic("""
        {"type": "OBJECTION", "name": "A", "email": "a@example.dk"}""")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("objectionScope"));
    submitPublic("""
        {"type": "ACCESS", "name": "A", "email": "a@example.dk", "objectionScope": "DIRECT_MARKETING"}""")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("objectionScope"));
    assertNothingStored();
  }

  @Test
  void malformedJsonIsAProblemDocument() throws Exception {
    submitPublic("{\"type\": ").andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertNothingStored();
  }

  @Test
  void aValueOfTheWrongTypeNamesItsField() throws Exception {
    mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"type": "ACCESS", "name": "B", "email": "b@example.dk", "channel": "EMAIL",
                 "receivedAt": "2026-11-02T10:00:00+01:00", "identityVerified": "perhaps"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("identityVerified"));
    submitPublic("""
        {"type": "ACCESS", "name": "A", "email": "a..b@example.dk"}""")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
    mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"type": "ACCESS", "name": "B", "postalAddress": "Vestergade 1", "channel": "WEB",
                 "receivedAt": "2026-11-02T10:00:00+01:00"}"""))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
    assertNothingStored();
  }

  @Test
  void officerRegistrationNeedsARealPastReceiptTimeAndAWayToReachTheSubject() throws Exception {
    String future = TestClock.now().atOffset(java.time.ZoneOffset.UTC).plusDays(2).toString();
    mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"type": "ACCESS", "name": "B", "channel": "FAX", "receivedAt": "%s",
                 "identityVerified": true, "representative": {"name": "Advokat C", "mandateChecked": false}}
                """.formatted(future)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("email", "channel", "receivedAt",
            "identityNote", "representative.mandateChecked")));
    mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"type": "ACCESS", "name": "B", "email": "b@example.dk", "channel": "EMAIL",
                 "receivedAt": "yesterday"}"""))
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
    assertNothingStored();
  }

  @Test
  void webFormShowsErrorsInThePagesLanguageAndKeepsWhatWasTyped() throws Exception {
    mvc.perform(post("/").param("lang", "en").param("name", "Signe Vang").param("email", "nope").with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Your request was not sent")))
        .andExpect(content().string(containsString("E-mail address: is not valid")))
        .andExpect(content().string(containsString("What you would like: is required")))
        .andExpect(content().string(containsString("value=\"Signe Vang\"")));
    mvc.perform(post("/").param("name", "Signe Vang").with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("E-mailadresse: skal udfyldes")));
    assertNothingStored();
  }

  @Test
  void intakeIsRateLimitedPerEmailAddress() throws Exception {
    String body = """
        {"type": "ACCESS", "name": "Flood Target", "email": "target@example.dk"}""";
    for (int i = 0; i < 5; i++) {
      submitPublic(body).andExpect(status().isAccepted());
    }
    submitPublic(body).andExpect(status().isTooManyRequests())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(requests()).isEqualTo(requestsBefore + 5);
  }

  private ResultActions submitPublic(String body) throws Exception {
    return mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private long requests() {
    return jdbc.sql("SELECT COUNT(*) FROM dsr_request").query(Long.class).single();
  }

  private void assertNothingStored() {
    assertThat(requests()).as("request records").isEqualTo(requestsBefore);
    assertThat(runtime.createProcessInstanceQuery().count()).as("processes").isEqualTo(processesBefore);
  }
}
