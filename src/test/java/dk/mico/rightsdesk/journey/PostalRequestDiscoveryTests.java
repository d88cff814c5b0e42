package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.fulfilment.RequestFindings.Candidate;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A request without a confirmed e-mail address finds the person (F1): discovery looks them up by every identifier
 * the officer has, records what it finds as candidates, and acts only on those the officer confirms. Personas
 * "grete" (held in case management, courses and the newsletter, writes by post) and "grete-namesake"
 * (docs/demo-company.md).
 */
@RightsDeskSpringTest
class PostalRequestDiscoveryTests {

  private static final String NAME = "Grete Sønderby";
  private static final String GRETE = "grete.soenderby@kystkonsult.example";
  private static final String NAMESAKE = "grete.soenderby@fjordbyg.example";

  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired LegalBasisReview review;
  @Autowired Discovery discovery;
  @Autowired MockMvc mvc;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @Value("${rightsdesk.company.datasources.company.url}") String companyUrl;

  private JdbcClient company;

  @BeforeEach
  @AfterEach
  void reset() {
    driver.reset();
    DataSource dataSource = new DriverManagerDataSource(companyUrl, "sa", "");
    company = JdbcClient.create(dataSource);
  }

  @Test
  void f1_postalErasureFindsThePersonInThreeSystemsAsCandidatesAndErasesWhatTheOfficerConfirms() throws Exception {
    String reference = registerByPost("ERASURE", "21 43 65 87", "Strandvejen 41, 8400 Ebeltoft");
    postAcknowledgement(reference);

    List<Candidate> candidates = discovery.candidates(reference);
    assertThat(candidates).extracting(Candidate::system, Candidate::table, c -> String.join(", ", c.matchedOn()))
        .containsExactlyInAnyOrder(
            tuple("case-management", "contact_person", "name, phone, postal-address"),
            tuple("case-management", "contact_person", "name"),
            tuple("courses", "course_participant", "name, phone"),
            tuple("newsletter", "newsletter_subscriber", "name"));
    assertThat(review.proposals(reference)).as("nothing is proposed for a record nobody confirmed").isEmpty();
    assertThatThrownBy(() -> driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewLegalBasis"),
        Map.of())).as("the review cannot finish while candidates wait").hasMessageContaining("candidate-");

    Candidate namesake = candidate(reference, NAMESAKE, "contact_person");
    List<Candidate> hers = candidates.stream().filter(c -> c.id() != namesake.id()).toList();
    // confirming needs a note; a bad row saves nothing
    var withoutNote = reviewPost(reference).param("candidate-" + hers.get(0).id(), "CONFIRMED")
        .param("candidate-" + namesake.id(), "REJECTED");
    mvc.perform(withoutNote).andExpect(status().isOk())
        .andExpect(content().string(containsString("say why this record is the subject")));
    assertThat(discovery.candidates(reference)).noneMatch(Candidate::decided);

    var decisions = reviewPost(reference).param("candidate-" + namesake.id(), "REJECTED");
    for (Candidate c : hers) {
      decisions.param("candidate-" + c.id(), "CONFIRMED")
          .param("candidate-note-" + c.id(), "Name, phone and address as in her signed letter");
    }
    mvc.perform(decisions).andExpect(status().is3xxRedirection());
    assertThat(review.proposals(reference)).as("the confirmed records get proposals, the namesake none")
        .extracting(Proposal::system, Proposal::table).containsExactlyInAnyOrder(
            tuple("case-management", "contact_person"), tuple("courses", "course_participant"),
            tuple("newsletter", "newsletter_subscriber"));
    confirmAll(reference);
    driver.nothingHeldByHand(reference);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ApproveAnswer"), Map.of("answerDecision", "SEND"));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostClosingLetter"), Map.of("letterPosted", true));
    driver.runDueJobs();

    assertThat(count("SELECT COUNT(*) FROM contact_person WHERE email = ?", GRETE)).as("contact erased").isZero();
    assertThat(count("SELECT COUNT(*) FROM course_participant WHERE email = ?", GRETE)).as("enrolment erased")
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM newsletter_subscriber WHERE email = ?", GRETE)).as("subscription erased")
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM contact_person WHERE email = ?", NAMESAKE))
        .as("the namesake the officer rejected is not erased").isEqualTo(1);

    JsonNode closed = api.view(reference);
    assertThat(closed.path("outcome").asText()).isEqualTo("FULFILLED");
    String answer = lastLetter(closed);
    assertThat(answer).contains("Case management system", "Courses and seminars", "Newsletter")
        .doesNotContain("We found no data about you");
  }

  @Test
  void f1_anIdentifierTheOfficerAddsOnTheReviewPageFindsMoreCandidates() throws Exception {
    // the letter gave only the name: a phone number, from the identity check, is added on the review page (the
    // namesake's, whom no other test erases)
    String reference = registerByPost("RESTRICTION", null, "Ukendt Vej 1, 9999 Intetsteds");
    postAcknowledgement(reference);
    assertThat(discovery.candidates(reference)).extracting(c -> String.join(", ", c.matchedOn()))
        .containsOnly("name");

    mvc.perform(post("/officer/review/" + reference + "/identifiers").with(httpBasic("officer", "officer"))
            .with(csrf()).param("identifierKind", "shoe-size").param("identifierValue", "38"))
        .andExpect(status().isOk()).andExpect(content().string(containsString("choose one of")));
    mvc.perform(post("/officer/review/" + reference + "/identifiers").with(httpBasic("officer", "officer"))
            .with(csrf()).param("identifierKind", "phone").param("identifierValue", "+45 30 11 22 44"))
        .andExpect(status().is3xxRedirection());

    assertThat(candidate(reference, NAMESAKE, "contact_person").matchedOn()).containsExactly("name", "phone");
    assertThat(review.proposals(reference)).isEmpty();
  }

  @Test
  void f1_anIdentifierTheOfficerAddsInCheckIdentityIsSearchedToo() throws Exception {
    String reference = api.register("""
        {"type": "RECTIFICATION", "name": "%s", "postalAddress": "Postboks 7, 8400 Ebeltoft", "channel": "LETTER",
         "language": "en", "receivedAt": "%s", "identityVerified": false,
         "details": "My title is wrong."}""".formatted(NAME, TestClock.now().minusSeconds(60)));
    postAcknowledgement(reference);
    var check = driver.onlyTask(reference, "UserTask_CheckIdentity");
    assertThatThrownBy(() -> driver.submitAsOfficer(check, Map.of("identityDecision", "VERIFIED",
        "identityNote", "Called back the number in her letter", "identifierKind", "shoe-size",
        "identifierValue", "38"))).hasMessageContaining("identifierKind");
    driver.submitAsOfficer(check, Map.of("identityDecision", "VERIFIED",
        "identityNote", "Called back the number in her letter", "identifierKind", "phone",
        "identifierValue", "30 11 22 44"));
    driver.runDueJobs();

    assertThat(candidate(reference, NAMESAKE, "contact_person").matchedOn()).containsExactly("name", "phone");
    var accuracy = driver.onlyTask(reference, "UserTask_CheckAccuracy");
    assertThat(driver.taskField(accuracy, "reviewLink")).isEqualTo("/officer/review/" + reference);
    assertThatThrownBy(() -> driver.submitAsOfficer(accuracy, Map.of("accuracyDecision", "ACCURATE",
        "accuracyStatement", "The title is the one her employer gave us.")))
        .as("the accuracy check waits for the candidates").hasMessageContaining("candidate-");
  }

  @Test
  void f1_nothingFoundIsNeverAnsweredWhileCandidatesWait() throws Exception {
    String reference = registerByPost("ERASURE", null, null);
    postAcknowledgement(reference);
    assertThat(discovery.candidates(reference)).isNotEmpty().noneMatch(Candidate::decided);
    assertThat(review.proposals(reference)).isEmpty();

    assertThatThrownBy(() -> driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewLegalBasis"),
        Map.of())).hasMessageContaining("is not decided yet");
    driver.runDueJobs();
    assertThat(driver.openTasks(reference, "UserTask_ApproveAnswer")).as("no answer while candidates wait").isZero();
    assertThat(api.view(reference).path("letters").size()).as("only the acknowledgement").isEqualTo(1);

    // once the officer has rejected every candidate, nothing found is the truth
    var rejections = reviewPost(reference);
    discovery.candidates(reference).forEach(c -> rejections.param("candidate-" + c.id(), "REJECTED"));
    mvc.perform(rejections).andExpect(status().is3xxRedirection());
    confirmAll(reference);
    driver.nothingHeldByHand(reference);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ApproveAnswer"), Map.of("answerDecision", "SEND"));
    driver.runDueJobs();
    assertThat(count("SELECT COUNT(*) FROM contact_person WHERE email = ?", NAMESAKE)).isEqualTo(1);
    assertThat(lastLetter(api.view(reference))).contains("We found no data about you");
  }

  @Test
  void f27_phoneObjectionToDirectMarketingWithoutEmailStopsMarketingWithoutAnIncident() throws Exception {
    // a contact with marketing consent outside the personas' companies calls: name and phone, no e-mail address
    var caller = company.sql("""
            SELECT id, full_name, phone FROM contact_person WHERE marketing_consent = TRUE AND phone IS NOT NULL
              AND email NOT LIKE '%fjordbyg.example' AND email NOT LIKE '%havnelogistik.example'
              AND email NOT LIKE '%kystkonsult.example' ORDER BY id DESC""")
        .query((rs, n) -> List.of(rs.getString("id"), rs.getString("full_name"), rs.getString("phone")))
        .list().get(0);
    String reference = api.register("""
        {"type": "OBJECTION", "objectionScope": "DIRECT_MARKETING", "name": "%s", "phone": "%s",
         "postalAddress": "Postboks 12, 8000 Aarhus C", "channel": "PHONE", "language": "en", "receivedAt": "%s",
         "identityVerified": true, "identityNote": "Called from the number in the contact record"}"""
        .formatted(caller.get(1), caller.get(2), TestClock.now().minusSeconds(60)));
    driver.runDueJobs();
    // where nothing identified her, the system's owners look by hand: the newsletter holds only e-mail addresses
    assertThat(ownersLookingByHand(reference, "UserTask_StopMarketingByHand")).contains("newsletter")
        .doesNotContain("case-management");
    nothingHeldThere(reference, "UserTask_StopMarketingByHand");

    // carried out at once: nothing waited for an acknowledgement to be posted
    assertThat(company.sql("SELECT marketing_consent FROM contact_person WHERE id = ?")
        .param(Long.parseLong(caller.get(0))).query(Boolean.class).single()).as("marketing stopped").isFalse();
    assertThat(runtime.createIncidentQuery().list()).as("never an incident").isEmpty();
    JsonNode answered = api.view(reference);
    assertThat(answered.path("letters").size()).as("the answer is the first letter, no acknowledgement").isEqualTo(1);
    assertThat(lastLetter(answered)).contains("your phone number", "marketing stopped", "searched by hand")
        .doesNotContain("null");
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostClosingLetter"), Map.of("letterPosted", true));
    driver.runDueJobs();
    assertThat(api.view(reference).path("status").asText()).isEqualTo("CLOSED");
  }

  @Test
  void f27_withdrawalOfConsentByLetterWithoutEmailIsCarriedOutAndAnsweredWithoutAnIncident() throws Exception {
    String reference = registerByPost("CONSENT_WITHDRAWAL", null, null);
    driver.runDueJobs();
    assertThat(ownersLookingByHand(reference, "UserTask_WithdrawConsentByHand")).isNotEmpty();
    nothingHeldThere(reference, "UserTask_WithdrawConsentByHand");

    assertThat(runtime.createIncidentQuery().list()).as("never an incident").isEmpty();
    JsonNode answered = api.view(reference);
    assertThat(answered.path("letters").size()).as("the answer is the first letter, no acknowledgement").isEqualTo(1);
    assertThat(lastLetter(answered)).contains("searched by hand").doesNotContain("null");
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostClosingLetter"), Map.of("letterPosted", true));
    driver.runDueJobs();
    JsonNode closed = api.view(reference);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("outcome").asText()).isEqualTo("FULFILLED");
  }

  @Test
  void f27_whatTheOwnersDidByHandIsInTheLetterAndTheOfficerReadsItBeforeItGoes() throws Exception {
    String reference = registerByPost("CONSENT_WITHDRAWAL", null, null);
    driver.runDueJobs();
    var byHand = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("UserTask_WithdrawConsentByHand").list();
    assertThat(byHand).isNotEmpty();
    driver.submitAsOfficer(byHand.get(0), Map.of("carriedOut", "DONE_BY_HAND",
        "whatWasDone", "newsletter subscription found by name and address, erased"));
    nothingHeldThere(reference, "UserTask_WithdrawConsentByHand");

    // the owners' words go to the subject only after the officer has read them
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ApproveAnswer"), Map.of("answerDecision", "SEND"));
    driver.runDueJobs();
    assertThat(lastLetter(api.view(reference))).contains("newsletter subscription found by name and address, erased",
        "done by hand");
  }

  /** The systems whose owners were given the task, by the system on each task's screen. */
  private List<String> ownersLookingByHand(String reference, String taskKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).list().stream()
        .map(task -> (String) runtime.getVariable(task.getExecutionId(), "systemId"))
        .toList();
  }

  private void nothingHeldThere(String reference, String taskKey) {
    for (var task : tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey).list()) {
      driver.submitAsOfficer(task, Map.of("carriedOut", "NOTHING_HELD_BY_HAND"));
    }
    driver.runDueJobs();
  }

  private String registerByPost(String type, String phone, String postalAddress) throws Exception {
    return api.register("""
        {"type": "%s", "name": "%s", %s %s "channel": "LETTER", "language": "en",
         "receivedAt": "%s", "identityVerified": true,
         "identityNote": "Signed letter; the officer called back the number on it"}"""
        .formatted(type, NAME, phone == null ? "" : "\"phone\": \"" + phone + "\",",
            postalAddress == null ? "\"postalAddress\": \"Postboks 7, 8400 Ebeltoft\","
                : "\"postalAddress\": \"" + postalAddress + "\",",
            TestClock.now().minusSeconds(60)));
  }

  private void postAcknowledgement(String reference) {
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostAcknowledgement"), Map.of("letterPosted", true));
    driver.runDueJobs();
  }

  private Candidate candidate(String reference, String email, String table) {
    String id = company.sql("SELECT CAST(id AS VARCHAR) FROM " + table + " WHERE email = ?").param(email)
        .query(String.class).single();
    return discovery.candidates(reference).stream()
        .filter(c -> c.table().equals(table) && c.recordId().equals(id)).findFirst().orElseThrow();
  }

  private MockHttpServletRequestBuilder reviewPost(String reference) {
    return post("/officer/review/" + reference).with(httpBasic("officer", "officer")).with(csrf());
  }

  /** The officer confirms every proposal not decided yet, then completes the review task. */
  private void confirmAll(String reference) {
    for (Proposal p : review.proposals(reference)) {
      if (!p.decided()) {
        review.decide(reference, p.id(), p.proposal(), null, "officer");
      }
    }
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewLegalBasis"), Map.of());
    driver.runDueJobs();
  }

  private long count(String sql, Object... params) {
    var statement = company.sql(sql);
    for (Object p : params) {
      statement = statement.param(p);
    }
    return statement.query(Long.class).single();
  }

  private static String lastLetter(JsonNode view) {
    JsonNode letters = view.path("letters");
    return letters.get(letters.size() - 1).path("body").asText();
  }
}
