package dk.mico.rightsdesk.recordkeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.inbox.Inbox;
import dk.mico.rightsdesk.inbox.InboundEmail;
import dk.mico.rightsdesk.inbox.InboxState;
import dk.mico.rightsdesk.inbox.ReceivedEmail;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;

/** The register of requests as CSV for managers and officers, and the case file for officers only. */
@RightsDeskSpringTest
class RecordKeepingTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TestDriver driver;
  @Autowired RequestLifecycle lifecycle;
  @Autowired LegalBasisReview review;
  @Autowired Inbox inbox;

  @Value("${rightsdesk.company.datasources.company.url}") String companyUrl;

  private String reference;

  @BeforeEach
  void aWithdrawnRequest() throws Exception {
    driver.reset();
    String body = json.writeValueAsString(Map.of("type", "RECTIFICATION", "name", "=Kirsten Formel",
        "email", "kirsten.formel@example.dk", "channel", "LETTER", "receivedAt", "2026-11-02T10:00:00+01:00",
        "identityVerified", true, "identityNote", "Signed letter", "details", "@SUM(A1) my address is wrong"));
    reference = json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
    driver.runDueJobs();
    lifecycle.withdraw(lifecycle.get(reference));
    driver.runDueJobs();
  }

  @Test
  void managersGetEveryRequestAsSpreadsheetSafeCsvWithoutPersonalData() throws Exception {
    var response = mvc.perform(get("/api/officer/requests/export.csv").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andReturn().getResponse();
    assertThat(response.getHeader("Content-Disposition")).startsWith("attachment").contains(".csv");
    String csv = response.getContentAsString(StandardCharsets.UTF_8);
    List<String> lines = Arrays.asList(csv.split("\r\n"));
    assertThat(lines.get(0)).isEqualTo(
        "\"reference\",\"right\",\"channel\",\"received\",\"due\",\"extended\",\"answered\",\"outcome\",\"days taken\"");
    String row = lines.stream().filter(l -> l.startsWith("\"" + reference + "\"")).findFirst().orElseThrow();
    List<String> cells = Arrays.stream(row.substring(1, row.length() - 1).split("\",\"")).toList();
    assertThat(cells.subList(0, 5)).containsExactly(reference, "RECTIFICATION", "LETTER", "2026-11-02 10:00",
        "2026-12-02");
    assertThat(cells.get(5)).isEqualTo("no");
    assertThat(cells.get(7)).isEqualTo("WITHDRAWN");
    assertThat(cells.get(6)).isNotEmpty();
    assertThat(Long.parseLong(cells.get(8))).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(
        java.time.LocalDate.parse("2026-11-02"), java.time.LocalDate.parse(cells.get(6))));
    for (String line : lines) {
      assertThat(line).startsWith("\"").doesNotContain("\"=", "\"+", "\"-", "\"@", "\"\t");
    }
    assertThat(csv).doesNotContain("Kirsten", "kirsten.formel", "SUM(A1)");

    mvc.perform(get("/api/officer/requests/export.csv").with(httpBasic("officer", "officer")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/officer/requests/export.csv")).andExpect(status().isUnauthorized());
  }

  @Test
  void mailsFoundToBeNoRequestAreCountedInTheRegisterWithoutSenderTextOrReason() throws Exception {
    String subject = "Tilbud " + java.util.UUID.randomUUID();
    java.time.Instant arrived = TestClock.now().minus(java.time.Duration.ofDays(2));
    inbox.receive(new ReceivedEmail("<" + subject.replace(' ', '.') + "@example.dk>", 0, 0, arrived,
        "saelger@example.dk", "Sælger Salgsen", subject, "Billige kuglepenne", null, true, "", false));
    InboundEmail email = inbox.list(InboxState.NEW).stream().filter(e -> subject.equals(e.subject())).findFirst()
        .orElseThrow();
    inbox.dismiss(email.id(), "Advertising from Sælger Salgsen", "officer");

    String csv = mvc.perform(get("/api/officer/requests/export.csv").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

    String row = Arrays.stream(csv.split("\r\n")).filter(l -> l.startsWith("\"INBOX-" + email.id() + "\""))
        .findFirst().orElseThrow();
    List<String> cells = Arrays.stream(row.substring(1, row.length() - 1).split("\",\"", -1)).toList();
    assertThat(cells).hasSize(9);
    assertThat(cells.get(2)).isEqualTo("EMAIL");
    assertThat(cells.get(7)).isEqualTo("NOT_A_REQUEST");
    assertThat(cells.get(8)).isEqualTo("2");
    assertThat(csv).doesNotContain("Sælger", "saelger", "kuglepenne", "Advertising", subject);
  }

  @Test
  void theOfficerGetsTheCaseFileWithRecordStepsLettersAndDecisions() throws Exception {
    String html = mvc.perform(get("/api/officer/requests/" + reference + "/case-file")
            .with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("Case file " + reference, "=Kirsten Formel", "kirsten.formel@example.dk",
        "RECTIFICATION", "LETTER", "2026-12-02", "WITHDRAWN", "verified: Signed letter",
        "RECEIVED", "WITHDRAWN", "ACKNOWLEDGEMENT", "Vi har modtaget din anmodning", "Compiled", "by <span>officer</span>");
    assertThat(html).contains("Data-subject request handled by");
  }

  @Test
  void theCaseFileShowsTheRectificationCheckTheExtensionAndTheFee() throws Exception {
    String checked = register("RECTIFICATION", "Ida Bøgh", "ida.boegh@fjordbyg.example", "");
    driver.submitAsOfficer(driver.onlyTask(checked, "UserTask_CheckAccuracy"), Map.of("accuracyDecision", "ACCURATE",
        "accuracyStatement", "The title is the one your employer's contract names."));
    mvc.perform(post("/api/officer/requests/" + checked + "/extension").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reasonCode\": \"COMPLEXITY\", \"reason\": \"Your data is in six systems.\"}"))
        .andExpect(status().isOk());
    mvc.perform(post("/api/officer/requests/" + checked + "/fee").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"ground\": \"EXCESSIVE\", \"amount\": 300, \"reason\": \"Fourth request this month.\","
                + " \"facts\": \"Four identical requests since 1 November.\"}"))
        .andExpect(status().is2xxSuccessful());
    driver.runDueJobs();

    String html = caseFile(checked);
    lifecycle.withdraw(lifecycle.get(checked));
    driver.runDueJobs();
    assertThat(html).contains("Rectification check (Art 16)", "ACCURATE", "your employer&#39;s contract names",
        "Extension (Art 12(3))", "COMPLEXITY: Your data is in six systems.", "Art 12(5) ground", "EXCESSIVE",
        "Fee announced (Art 12(5))", "DKK 300");
    assertThat(html).doesNotContain("Access review", "Balancing of the objection", "Duplicate of");
  }

  @Test
  void theCaseFileShowsTheLegalBasisReviewAndTheBalancingOfAnObjection() throws Exception {
    // a respondent whose evaluation stays whatever other tests do (the officer rejects their objections)
    String email = JdbcClient.create(new DriverManagerDataSource(companyUrl, "sa", "")).sql("SELECT"
            + " LOWER(respondent_email) FROM course_evaluation WHERE respondent_email IS NOT NULL"
            + " AND LOWER(respondent_email) NOT LIKE '%fjordbyg.example' ORDER BY id")
        .query(String.class).list().get(0);
    String objected = register("OBJECTION", "Evaluation Respondent", email, "Stop using my course evaluation.");
    for (Proposal p : review.proposals(objected)) {
      review.decide(objected, p.id(), p.proposal(), null, "officer");
    }
    driver.submitAsOfficer(driver.onlyTask(objected, "UserTask_ReviewLegalBasis"), Map.of());
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(objected, "UserTask_BalanceObjection"), Map.of("balancingDecision",
        "REJECT", "balancingGrounds", "The evaluation documents the course's quality for its accreditation."));

    String html = caseFile(objected);
    lifecycle.withdraw(lifecycle.get(objected));
    driver.runDueJobs();
    assertThat(html).contains("Legal-basis review", "course_evaluation", "BALANCE", "Art 21(1)",
        "Balancing of the objection (Art 21(1))", "rejected", "for its accreditation", "officer");
    assertThat(html).doesNotContain("Rectification check", "Fee announced");
  }

  @Test
  void managersAndAnonymousGetNoCaseFile() throws Exception {
    mvc.perform(get("/api/officer/requests/" + reference + "/case-file").with(httpBasic("manager", "manager")))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/officer/requests/" + reference + "/case-file")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/officer/requests/DSR-2026-99999/case-file").with(httpBasic("officer", "officer")))
        .andExpect(status().isNotFound());
  }

  private String register(String type, String name, String email, String details) throws Exception {
    String scope = type.equals("OBJECTION") ? ", \"objectionScope\": \"GENERAL\"" : "";
    String reference = json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"type": "%s"%s, "name": "%s", "email": "%s", "language": "en", "channel": "EMAIL",
                 "receivedAt": "%s", "identityVerified": true, "identityNote": "Wrote from the address we hold",
                 "details": "%s"}""".formatted(type, scope, name, email, TestClock.now().minusSeconds(60), details)))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
    driver.runDueJobs();
    return reference;
  }

  private String caseFile(String reference) throws Exception {
    return mvc.perform(get("/api/officer/requests/" + reference + "/case-file").with(httpBasic("officer", "officer")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }
}
