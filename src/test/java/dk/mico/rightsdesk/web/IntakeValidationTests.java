package dk.mico.rightsdesk.web;

import static dk.mico.rightsdesk.request.EmailAddressSyntax.NOT_ASCII;
import static dk.mico.rightsdesk.request.TextRules.HIDDEN_CHARACTERS;
import static dk.mico.rightsdesk.request.TextRules.NOT_ONE_LINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import dk.mico.rightsdesk.support.WebappSession;
import java.net.http.HttpResponse;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Bad input gets a problem document naming every bad field, and nothing is stored or started: on every intake path,
 * including what an attacker tried (hidden characters, odd addresses, invented fields, the engine API's start).
 */
@RightsDeskSpringTest
class IntakeValidationTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtime;
  @Autowired OfficerApi api;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

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
  void consentsMustBeDeclaredAndOnlyForAWithdrawalOfConsent() throws Exception {
    submitPublic("""
        {"type": "CONSENT_WITHDRAWAL", "name": "A", "email": "a@example.dk", "consents": ["cookies", "sms"]}""")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("consents")));
    submitPublic("""
        {"type": "ACCESS", "name": "A", "email": "a@example.dk", "consents": ["cookies"]}""")
        .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("consents"));
    Map<String, Object> officer = officerBody();
    officer.put("type", "CONSENT_WITHDRAWAL");
    officer.put("consents", List.of("newsletter", "unknown"));
    registerByOfficer(officer).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("consents")));
    assertNothingStored();
  }

  @Test
  void transmitToNeedsAPortabilityRequestANameAndAValidEmail() throws Exception {
    submitPublic("""
        {"type": "ACCESS", "name": "A", "email": "a@example.dk",
         "transmitTo": {"name": "Ny Bank A/S", "email": "dpo@nybank.dk"}}""")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("transmitTo")));
    submitPublic("""
        {"type": "PORTABILITY", "name": "A", "email": "a@example.dk", "transmitTo": {"email": "dpo@nybank.dk"}}""")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("transmitTo.name")));
    Map<String, Object> officer = officerBody();
    officer.put("type", "PORTABILITY");
    officer.put("transmitTo", Map.of("name", "Ny Bank A/S", "email", "not an address"));
    registerByOfficer(officer).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("transmitTo.email")));
    assertNothingStored();
  }

  @Test
  void malformedJsonIsAProblemDocument() throws Exception {
    submitPublic("{\"type\": ").andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    assertNothingStored();
  }

  @Test
  void aNulByteIsRefusedInNameDetailsAndEmail() throws Exception {
    for (String field : new String[] {"name", "details", "email"}) {
      Map<String, Object> body = publicBody();
      body.put(field, field.equals("email") ? "nul\u0000@example.dk" : "Anna\u0000Berg");
      submitPublic(json.writeValueAsString(body)).andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder(field)));
    }
    assertNothingStored();
  }

  @Test
  void emailAddressesOutsideAsciiAreRefusedWithAFieldMessage() throws Exception {
    for (String address : new String[] {"søren@example.dk", "soren@bø.dk"}) {
      Map<String, Object> body = publicBody();
      body.put("email", address);
      submitPublic(json.writeValueAsString(body)).andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.errors[0].field").value("email"))
          .andExpect(jsonPath("$.errors[0].message").value(NOT_ASCII));
    }
    assertNothingStored();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a@-b.dk", "a@[127.0.0.1]", "\"quoted\"@example.dk", "a@10.0.0.1"})
  void emailAddressesOutsideTheDocumentedSyntaxAreRefused(String address) throws Exception {
    Map<String, Object> body = publicBody();
    body.put("email", address);
    submitPublic(json.writeValueAsString(body)).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("email")));
    assertNothingStored();
  }

  /** field, value, how the field message starts. */
  static Stream<Arguments> singleLineFieldsWithHiddenCharacters() {
    return Stream.of(
        Arguments.of("name", "Anna Berg\r\nBcc: someone@example.dk", NOT_ONE_LINE + " (U+000D)"),
        Arguments.of("phone", "+45 1234\u00075678", NOT_ONE_LINE + " (U+0007)"),
        Arguments.of("name", "Anna \u202eqreB", HIDDEN_CHARACTERS + " (U+202E)"),
        Arguments.of("representative.name", "Advokat\u200bHansen", HIDDEN_CHARACTERS + " (U+200B)"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("singleLineFieldsWithHiddenCharacters")
  void singleLineFieldsRefuseLineBreaksControlInvisibleAndDirectionCharacters(String field, String value,
      String message) throws Exception {
    Map<String, Object> body = officerBody();
    if (field.equals("representative.name")) {
      body.put("representative", Map.of("name", value, "mandateChecked", true));
    } else {
      body.put(field, value);
    }
    registerByOfficer(body).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value(field))
        .andExpect(jsonPath("$.errors[0].message").value(message));
    assertNothingStored();
  }

  @Test
  void freeTextKeepsLineBreaksAndTabsButRefusesOtherControlsAndDirectionOverrides() throws Exception {
    Map<String, Object> bad = publicBody();
    bad.put("details", "Ret min adresse:\n\u2066Vestergade 1\u2069");
    submitPublic(json.writeValueAsString(bad)).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("details")));
    Map<String, Object> badNote = officerBody();
    badNote.put("identityVerified", true);
    badNote.put("identityNote", "Ringede fra kendt nummer\u0001");
    registerByOfficer(badNote).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("identityNote")));
    assertNothingStored();

    String details = "Forkert:\tVestergade 1\r\nRigtigt:\tVestergade 12\nTak";
    Map<String, Object> good = publicBody();
    good.put("details", details);
    String reference = api.submitPublic(json.writeValueAsString(good));
    assertThat(api.view(reference).path("subject").path("details").asText()).isEqualTo(details);
    driver.runDueJobs(); // its letters go now, not in a later test
  }

  @Test
  void theWebFormShowsWhichRuleWasBroken() throws Exception {
    mvc.perform(post("/").param("type", "ACCESS").param("name", "Anna\nBerg").param("email", "søren@example.dk")
            .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Navn: skal stå på én linje")))
        .andExpect(content().string(containsString("E-mailadresse: kan ikke bruges")));
    mvc.perform(post("/").param("lang", "en").param("type", "ACCESS").param("name", "Anna \u202eBerg")
            .param("email", "anna@example.dk").with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Name: contains control, invisible or text-direction")));
    assertNothingStored();
  }

  @Test
  void unknownJsonFieldsAreRefusedAndNamed() throws Exception {
    Map<String, Object> body = publicBody();
    body.put("postalAddress", "Vestergade 1, 8000 Aarhus C");
    body.put("priority", Map.of("level", "urgent"));
    submitPublic(json.writeValueAsString(body)).andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("postalAddress", "priority")));
    Map<String, Object> officer = officerBody();
    officer.put("representative", Map.of("name", "Advokat Hansen", "mandateChecked", true, "phone", "12345678"));
    registerByOfficer(officer).andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("representative.phone")));
    assertNothingStored();
  }

  @Test
  void theEngineApiAnswersBadStartValuesWithABadRequest() throws Exception {
    String startByKey = "/camunda/api/engine/engine/default/process-definition/key/DataSubjectRequestProcess/";
    WebappSession officer = new WebappSession(port);
    assertThat(officer.login("tasklist", "officer", "officer")).isEqualTo(200);
    // the login gives the session a new CSRF token, which the next read brings
    officer.get(startByKey.substring(0, startByKey.length() - 1));

    HttpResponse<String> missing = officer.postJson(startByKey + "start",
        "{\"variables\": {\"type\": {\"value\": \"ACCESS\", \"type\": \"String\"}}}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("name: is required", "channel: is required", "receivedAt: is required");

    HttpResponse<String> nul = officer.postJson(startByKey + "submit-form", startForm(Map.of(
        "name", "Anna\u0000Berg")));
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(nul.body()).contains("name: " + NOT_ONE_LINE);

    HttpResponse<String> wrongTypes = officer.postJson(startByKey + "submit-form", startForm(Map.of(
        "receivedDate", "yesterday", "identityVerified", "yes", "requestReference", "DSR-2026-99999")));
    assertThat(wrongTypes.statusCode()).isEqualTo(400);
    assertThat(wrongTypes.body()).contains("receivedDate:", "identityVerified:", "requestReference:");
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
  void webFormOffersTheConsentsInThePagesLanguageAndStoresTheOnesTicked() throws Exception {
    mvc.perform(post("/").param("type", "CONSENT_WITHDRAWAL").param("consents", "cookies").param("name", "Signe Vang")
            .param("email", "nope").with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(containsString("Hvilke samtykker trækker du tilbage?")))
        .andExpect(content().string(containsString("Hjemmesidens cookiesamtykker")))
        .andExpect(content().string(containsString("value=\"cookies\" checked")));
    mvc.perform(post("/").param("lang", "en").param("name", "Signe Vang").with(csrf()))
        .andExpect(content().string(containsString("Website cookie consents")));
    assertNothingStored();

    mvc.perform(post("/").param("type", "CONSENT_WITHDRAWAL").param("consents", "cookies").param("name", "Signe Vang")
            .param("email", "signe.vang@example.dk").with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.sql("SELECT consents FROM dsr_request WHERE subject_email = 'signe.vang@example.dk'")
        .query(String.class).single()).isEqualTo("cookies");
  }

  @Test
  void anAnswerTheCallerCannotReadIsRefusedBeforeAnythingIsStored() throws Exception {
    // a 406 after storing would make a retrying client file the request twice
    String email = "wants.xml@example.dk";
    Map<String, Object> publicBody = publicBody();
    publicBody.put("email", email);
    mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_XML)
            .content(json.writeValueAsString(publicBody)))
        .andExpect(status().isNotAcceptable());
    Map<String, Object> officerBody = officerBody();
    officerBody.put("email", email);
    registerByOfficer(officerBody, MediaType.APPLICATION_XML).andExpect(status().isNotAcceptable());
    assertNothingStored();
    driver.runDueJobs();
    assertThat(driver.mailTo(email)).as("letters").isEmpty();
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

  @Test
  void refusedSubmissionsDoNotUseUpTheQuotaOfTheAddressTheyName() throws Exception {
    String victim = "quota.victim@example.dk";
    for (int client = 1; client <= 5; client++) {
      String from = "203.0.113." + client;
      mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).with(request -> {
            request.setRemoteAddr(from);
            return request;
          }).content("{\"type\": \"ACCESS\", \"email\": \"" + victim + "\"}"))
          .andExpect(status().isBadRequest());
    }
    Map<String, Object> own = publicBody();
    own.put("email", victim);
    submitPublic(json.writeValueAsString(own)).andExpect(status().isAccepted());
    driver.runDueJobs();
  }

  private Map<String, Object> publicBody() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "ACCESS");
    body.put("name", "Anna Berg");
    body.put("email", "anna.berg@example.dk");
    return body;
  }

  private Map<String, Object> officerBody() {
    Map<String, Object> body = publicBody();
    body.put("channel", "PHONE");
    body.put("receivedAt", TestClock.now().atOffset(ZoneOffset.UTC).minusHours(1).toString());
    return body;
  }

  /** A complete, valid start form as Tasklist sends it, with some values replaced: the engine API's JSON. */
  private String startForm(Map<String, Object> replaced) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>(Map.of("type", "ACCESS", "channel", "PHONE",
        "receivedDate", "2026-11-02", "receivedTime", "09:30", "name", "Anna Berg", "email", "anna.berg@example.dk",
        "language", "da", "identityVerified", false));
    values.putAll(replaced);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value,
        "type", value instanceof Boolean ? "Boolean" : "String")));
    return json.writeValueAsString(Map.of("variables", variables));
  }

  private ResultActions registerByOfficer(Map<String, Object> body) throws Exception {
    return registerByOfficer(body, MediaType.APPLICATION_JSON);
  }

  private ResultActions registerByOfficer(Map<String, Object> body, MediaType accepted) throws Exception {
    return mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
        .contentType(MediaType.APPLICATION_JSON).accept(accepted).content(json.writeValueAsString(body)));
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
