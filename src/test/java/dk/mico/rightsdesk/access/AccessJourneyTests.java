package dk.mico.rightsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Access (Art 15) and portability (Art 20) from submission to download, against the demo company database: the
 * officer's review (redaction, name-only matches), the answer with its link, the code apart, the download.
 */
@RightsDeskSpringTest
class AccessJourneyTests {

  private static final Pattern DOWNLOAD_LINK = Pattern.compile("http://[^\\s]+/download/([A-Za-z0-9_-]{43})");
  private static final Pattern CODE = Pattern.compile("^\\s*(\\d{8})\\s*$", Pattern.MULTILINE);
  private static final Pattern FLAGGED_PASSAGE =
      Pattern.compile("<tr class=\"flagged\">\\s*<td><input type=\"checkbox\" name=\"redact\" value=\"(\\d+)\"");
  private static final Pattern CANDIDATE = Pattern.compile("name=\"release\" value=\"(\\d+)\"");
  private static final Pattern FILE = Pattern.compile("/download/[A-Za-z0-9_-]{43}/files/(\\d+)\">([a-z.]+)<");

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired Discovery discovery;
  @Autowired OfficerApi api;
  @Autowired ObjectMapper json;
  @Autowired Deliveries deliveries;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient rightsDesk;

  /** The demo company database the declarations point at (in memory, shared by the test JVM). */
  private final JdbcClient company = JdbcClient.create(
      new DriverManagerDataSource("jdbc:h2:mem:company-test;DB_CLOSE_DELAY=-1", "sa", ""));

  @BeforeEach
  void reset() {
    driver.reset();
  }

  /** An answer as the subject receives it: the link from the answer letter, the code from the second letter. */
  record Answer(String reference, String letter, String token, String code) {}

  @Test
  void personInSeveralSystemsGetsTheReviewedReportByLinkAndCode() throws Exception {
    String email = "mette.sorensen@fjordbyg.example";
    String reference = api.submitPublic("""
        {"type": "ACCESS", "name": "Mette Kjærgaard Sørensen", "email": "%s", "language": "en"}""".formatted(email));
    driver.runDueJobs();
    String confirm = TestDriver.linkToken(driver.onlyMailTo(email, "Confirm your e-mail address"), "confirm");
    mvc.perform(post("/confirm/" + confirm).with(csrf())).andExpect(status().isOk());
    driver.runDueJobs();

    // the manual system's owner searched by hand; the request waited for it
    searchByHand(reference, "FOUND", "Two mails from her to support@ about the VPN, 20 January 2025.");

    // the officer reads what each system returned and withholds the sentence that names Ida Bøgh
    Task review = driver.onlyTask(reference, "UserTask_ReviewReport");
    assertThat(driver.taskField(review, "reviewPage")).isEqualTo("/officer/access/" + reference);
    String page = reviewPage(reference);
    assertThat(page).contains("Sagsstyringssystem", "Ida Bøgh", "ida bøgh");
    Matcher flagged = FLAGGED_PASSAGE.matcher(page);
    assertThat(flagged.find()).as("a passage flagged as naming another person").isTrue();
    mvc.perform(post("/officer/access/" + reference).param("redact", flagged.group(1))
            .with(httpBasic("officer", "officer")).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(reviewPage(reference)).contains("[left out, Art 15(4)]");
    driver.submitAsOfficer(review, Map.of("reviewDecision", "APPROVE", "reviewNote", "Thank you for asking."));
    driver.runDueJobs();

    Answer answer = approveAndReceive(reference, email);
    assertThat(answer.letter()).contains("We have done part of what you asked", "Case management system",
        "1 passage of our notes was left out because it holds information about other people", "Datatilsynet")
        .doesNotContain(answer.code(), "Ida");

    MockHttpSession session = unlock(answer);
    Map<String, String> files = fileIds(answer.token(), session);
    assertThat(files.keySet()).containsExactly("report.html", "report.pdf", "data.json");
    byte[] pdf = download(answer.token(), files.get("report.pdf"), session);
    assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    String html = new String(download(answer.token(), files.get("report.html"), session), StandardCharsets.UTF_8);
    assertThat(html).contains("Serverhallen Nord ApS", "Kursuscenter Lyngbakken", "Datatilsynet",
        "Two mails from her", "Thank you for asking.").doesNotContain("Ida Bøgh");
    assertThat(html).as("F35: per system, how long its backups are kept")
        .contains("We keep backups of the system for 35 days.", "We keep backups of the system for 90 days.",
            "we do not use it, and if we restore a backup, we erase it again",
            "Backups of Rights Desk are kept for 35 days.");

    JsonNode data = json.readTree(download(answer.token(), files.get("data.json"), session));
    List<String> systems = new ArrayList<>();
    data.path("systems").forEach(s -> systems.add(s.path("system").asText()));
    assertThat(systems).contains("case-management", "courses", "course-evaluations", "email-archive");
    data.path("systems").forEach(s -> assertThat(s.path("backupRetention").asText()).as(s.path("system").asText())
        .startsWith("email-archive".equals(s.path("system").asText())
            ? "We keep backups of the system for 90 days." : "We keep backups of the system for 35 days."));
    JsonNode contact = record(data, "case-management", "contact_person");
    Map<String, Object> row = company.sql("SELECT full_name, email, phone, title FROM contact_person "
        + "WHERE LOWER(email) = ?").param(email).query().singleRow();
    assertThat(contact.path("data").path("full_name").asText()).isEqualTo(row.get("FULL_NAME"));
    assertThat(contact.path("data").path("phone").asText()).isEqualTo(row.get("PHONE"));
    assertThat(contact.path("data").path("title").asText()).isEqualTo(row.get("TITLE"));
    List<String> caseNumbers = company.sql("SELECT case_no FROM support_case WHERE LOWER(reporter_email) = ?")
        .param(email).query(String.class).list();
    List<String> exportedCases = new ArrayList<>();
    forRecords(data, "case-management", "support_case",
        r -> exportedCases.add(r.path("data").path("case_no").asText()));
    assertThat(exportedCases).containsExactlyInAnyOrderElementsOf(caseNumbers);
    assertThat(data.toString()).contains("[left out, Art 15(4)]").doesNotContain("Ida Bøgh");

    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("PARTIALLY_REFUSED");
    assertThat(view.path("history").toString()).contains("REPORT_REVIEWED", "MANUAL_SEARCH_RECORDED",
        "FILE_DOWNLOADED", "report.pdf", "data.json");
    // the archive keeps neither the link nor the code
    assertThat(view.path("letters").toString()).doesNotContain(answer.token(), answer.code());
    // the case file keeps the review after the exported data is gone
    String caseFile = mvc.perform(get("/api/officer/requests/" + reference + "/case-file")
            .with(httpBasic("officer", "officer")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    assertThat(caseFile).contains("Access review", "APPROVE", "Thank you for asking.",
        "<th>Passages withheld</th><td>1</td>");
  }

  @Test
  void passagesNamingOtherPeopleAreWithheldWhenTheOfficerNeverOpensTheReviewPage() throws Exception {
    String email = "mette.sorensen@fjordbyg.example";
    String reference = registerVerified("ACCESS", "Mette Kjærgaard Sørensen", email);
    searchByHand(reference, "NOTHING", null);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();

    Answer answer = approveAndReceive(reference, email);
    assertThat(answer.letter()).contains("of our notes was left out because it holds information about other people");
    MockHttpSession session = unlock(answer);
    String data = new String(download(answer.token(), fileIds(answer.token(), session).get("data.json"), session),
        StandardCharsets.UTF_8);
    assertThat(data).contains("[left out, Art 15(4)]").doesNotContain("Ida Bøgh");
    assertThat(api.view(reference).path("outcome").asText()).isEqualTo("PARTIALLY_REFUSED");
  }

  @Test
  void theCodeFollowsTheAnswerInAJobOfItsOwnAndThePageSaysWhenItIsStillOnItsWay() throws Exception {
    String email = "kasper.lindholm@kystkonsult.example";
    String reference = registerVerified("ACCESS", "Kasper Lindholm", email);
    searchByHand(reference, "NOTHING", null);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ApproveAnswer"), Map.of("answerDecision", "SEND"));

    // only the answer's job runs: the answer has gone and committed, the code letter waits for its own job
    String process = runtime.createProcessInstanceQuery().processDefinitionKey("ClosingLetterProcess")
        .processInstanceBusinessKey(reference).singleResult().getId();
    Job answerJob = management.createJobQuery().processInstanceId(process).activityId("Task_SendClosingLetter")
        .singleResult();
    management.executeJob(answerJob.getId());
    driver.deliverMail();
    Matcher link = DOWNLOAD_LINK.matcher(
        TestDriver.body(driver.onlyMailTo(email, "Our answer to your request " + reference)));
    assertThat(link.find()).isTrue();
    assertThat(driver.mailTo(email)).noneMatch(m -> TestDriver.subject(m).contains("Your code for the download"));
    mvc.perform(post("/download/" + link.group(1)).param("code", "12345678").with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(content().string(containsString("The code is on its way in a separate e-mail")));

    driver.runDueJobs();
    Matcher code = CODE.matcher(TestDriver.body(driver.onlyMailTo(email, "Your code for the download")));
    assertThat(code.find()).isTrue();
    assertThat(TestDriver.body(driver.onlyMailTo(email, "Your code for the download")))
        .contains("After 5 wrong codes");
    unlock(new Answer(reference, null, link.group(1), code.group(1)));
    // one answer, one link: the code's job made no second answer
    assertThat(driver.mailTo(email)).filteredOn(m -> TestDriver.subject(m).contains("Our answer")).hasSize(1);
  }

  @Test
  void f15_subjectWithoutEmailGetsTheReportOnPaperAndReleasedCandidatesNeedTheOfficersReason() throws Exception {
    String phone = company.sql("SELECT phone FROM contact_person WHERE LOWER(email) = ?")
        .param("mette.sorensen@fjordbyg.example").query(String.class).single();
    String body = """
        {"type": "ACCESS", "name": "Mette Kjærgaard Sørensen", "phone": "%s", "postalAddress": "Fjordvej 2, 7100 Vejle",
         "channel": "LETTER", "receivedAt": "%s", "identityVerified": true, "identityNote": "Signed letter",
         "language": "en"}""".formatted(phone, TestClock.now().atOffset(java.time.ZoneOffset.UTC).minusHours(1));
    String reference = json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_PostAcknowledgement"), Map.of("letterPosted", true));
    driver.runDueJobs();
    searchByHand(reference, "NOTHING", null);
    // without an e-mail address only her name matches: the officer, who holds her signed letter, releases the
    // records and keeps the flagged passages withheld, as the page proposes
    String review = reviewPage(reference);
    var choices = post("/officer/access/" + reference).with(httpBasic("officer", "officer")).with(csrf());
    Matcher candidate = CANDIDATE.matcher(review);
    while (candidate.find()) {
      choices.param("release", candidate.group(1));
    }
    Matcher flagged = FLAGGED_PASSAGE.matcher(review);
    while (flagged.find()) {
      choices.param("redact", flagged.group(1));
    }
    // f15: releasing says "this is the subject" and needs the officer's reason; without it nothing is saved
    mvc.perform(choices).andExpect(status().isOk())
        .andExpect(content().string(containsString("is required to release a record")));
    assertThat(discovery.candidates(reference)).noneMatch(c -> c.decided());
    choices.param("releaseNote", "Her signed letter gives the phone number and address the records hold");
    mvc.perform(choices).andExpect(status().is3xxRedirection());
    assertThat(discovery.candidates(reference)).isNotEmpty()
        .allMatch(c -> c.confirmed() && c.note().contains("signed letter") && "officer".equals(c.decidedBy()));
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();

    Task approval = driver.onlyTask(reference, "UserTask_ApproveAnswer");
    assertThat(driver.taskField(approval, "letterPreview")).contains("printed and enclosed with this letter")
        .doesNotContain("download");
    driver.submitAsOfficer(approval, Map.of("answerDecision", "SEND"));
    driver.runDueJobs();

    // the officer prints the letter and, from an officer-only page, the report to enclose
    Task post = driver.onlyTask(reference, "UserTask_PostClosingLetter");
    String paperPage = "/officer/access/" + reference + "/paper";
    assertThat(driver.taskField(post, "enclosurePage")).isEqualTo(paperPage);
    assertThat(driver.taskField(post, "letterText")).contains("printed and enclosed with this letter")
        .doesNotContain("[personal link", "[personal code", "/download/");
    mvc.perform(get(paperPage)).andExpect(redirectedUrl("http://localhost/officer/login"));
    mvc.perform(get(paperPage).with(httpBasic("manager", "manager"))).andExpect(status().isForbidden());
    String page = mvc.perform(get(paperPage).with(httpBasic("officer", "officer"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    Matcher pdf = Pattern.compile("/paper/(\\d+)\">report.pdf<").matcher(page);
    assertThat(pdf.find()).as("report.pdf on the page of files to print").isTrue();
    byte[] report = mvc.perform(get(paperPage + "/" + pdf.group(1)).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    assertThat(new String(report, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    driver.submitAsOfficer(post, Map.of("letterPosted", true));
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("letters").findValuesAsText("kind")).doesNotContain("DELIVERY_CODE");
    assertThat(view.path("letters").findValuesAsText("state")).containsOnly("POSTED");
    assertThat(driver.mailServer().received()).as("no e-mail for a subject without an address").isEmpty();

    // the printed files are deleted after the usual period, like a download
    driver.setTime(java.util.Date.from(TestClock.now().plus(java.time.Duration.ofDays(15))));
    deliveries.deleteExpired();
    assertThat(deliveries.paperFiles(reference)).isEmpty();
    mvc.perform(get(paperPage + "/" + pdf.group(1)).with(httpBasic("officer", "officer")))
        .andExpect(status().isNotFound());
  }

  @Test
  void aRefusalInPartNeedsItsReasonWhichTheLetterGivesWithTheRightToComplain() throws Exception {
    String email = "birthe.r@netpost.example";
    String reference = registerVerified("ACCESS", "Birthe Ravnsbæk", email);
    searchByHand(reference, "NOTHING", null);
    Task review = driver.onlyTask(reference, "UserTask_ReviewReport");

    assertThatThrownBy(() -> driver.submitAsOfficer(review, Map.of("reviewDecision", "PARTIAL_REFUSAL")))
        .isInstanceOf(RestException.class)
        .hasFieldOrPropertyWithValue("status", Status.BAD_REQUEST).hasMessageContaining("refusalReason");
    assertThat(api.view(reference).path("history").toString()).as("a refusal without reason changes nothing")
        .doesNotContain("REPORT_REVIEWED");
    driver.submitAsOfficer(review, Map.of("reviewDecision", "PARTIAL_REFUSAL",
        "refusalReason", "Our internal assessment of your complaint is left out (Danish Data Protection Act §22)."));
    driver.runDueJobs();

    Answer answer = approveAndReceive(reference, email);
    assertThat(answer.letter()).contains("We have done part of what you asked",
        "Why we did not do all of what you asked (Art 12(4))", "Danish Data Protection Act §22", "Datatilsynet");
    assertThat(api.view(reference).path("outcome").asText()).isEqualTo("PARTIALLY_REFUSED");
  }

  @Test
  void aPersonWithMoreRecordsThanTheReportListsIsToldHowManyAndThatDataJsonHoldsThemAll() throws Exception {
    String email = "many.cases@example.dk";
    // more than the test profile's report-record-limit (20), and than one export statement lists (500 ids)
    int cases = 501;
    long customer = company.sql("SELECT MIN(id) FROM customer").query(Long.class).single();
    for (int i = 0; i < cases; i++) {
      company.sql("INSERT INTO support_case (id, case_no, customer_id, reporter_name, reporter_email, subject, "
              + "opened_at) VALUES (?, ?, ?, 'Mads Mange', ?, 'Printer', TIMESTAMP '2025-01-06 09:00:00')")
          .params(900_000 + i, "MANY-" + (100 + i), customer, email).update();
    }
    try {
      String reference = registerVerified("ACCESS", "Mads Mange", email);
      searchByHand(reference, "NOTHING", null);
      assertThat(reviewPage(reference)).contains("The report lists 20 of the 501 records", "The other 481 are only in "
          + "data.json; the report tells the subject so");
      driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
      driver.runDueJobs();

      Answer answer = approveAndReceive(reference, email);
      MockHttpSession session = unlock(answer);
      Map<String, String> files = fileIds(answer.token(), session);
      String told = "We hold 501 records about you. This report lists the first 20. The other 481, with all their "
          + "details, are in the file data.json that you download with this report.";
      String html = new String(download(answer.token(), files.get("report.html"), session), StandardCharsets.UTF_8);
      assertThat(html).contains(told);
      assertThat(Pattern.compile("MANY-\\d+").matcher(html).results().count()).isEqualTo(20);
      byte[] pdf = download(answer.token(), files.get("report.pdf"), session);
      try (var reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
        var text = new StringBuilder();
        var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
          text.append(extractor.getTextFromPage(page)).append(' ');
        }
        assertThat(text.toString().replaceAll("\\s+", " ")).contains(told);
      }
      List<String> exported = new ArrayList<>();
      forRecords(json.readTree(download(answer.token(), files.get("data.json"), session)), "case-management",
          "support_case", r -> exported.add(r.path("data").path("case_no").asText()));
      assertThat(exported).hasSize(cases).doesNotHaveDuplicates();
    } finally {
      company.sql("DELETE FROM support_case WHERE reporter_email = ?").param(email).update();
    }
  }

  @Test
  void nobodyFoundGetsALetterSayingSoWithTheArt15InformationAndNoDownload() throws Exception {
    String email = "no.one.known@example.dk";
    String reference = registerVerified("ACCESS", "Nanna Ukendt", email);
    searchByHand(reference, "NOTHING", null);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ApproveAnswer"), Map.of("answerDecision", "SEND"));
    driver.runDueJobs();

    String letter = TestDriver.body(driver.onlyMailTo(email, "Our answer to your request " + reference));
    assertThat(letter).contains("We have done what you asked", "We searched 8 of our systems",
        "We have found no personal data about you linked to the e-mail address " + email,
        "we disclose no data about you to anyone", "Your rights:", "Transfers to countries outside the EU/EEA",
        "Datatilsynet").doesNotContain("/download/");
    assertThat(driver.mailTo(email)).noneMatch(m -> TestDriver.subject(m).contains("Your code for the download"));
    assertThat(api.view(reference).path("outcome").asText()).isEqualTo("FULFILLED");
  }

  @Test
  void whatTheSystemsReturnedIsDeletedWhenTheRequestEndsWithoutAnAnswer() throws Exception {
    String reference = registerVerified("ACCESS", "Birthe Ravnsbæk", "birthe.r@netpost.example");
    searchByHand(reference, "NOTHING", null);
    assertThat(gathered(reference)).as("records gathered for the review").isPositive();

    mvc.perform(post("/api/officer/requests/" + reference + "/refusal").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("""
                {"ground": "EXCESSIVE", "reason": "The same data was sent to you twice this month, unchanged.",
                 "facts": "Identical access requests on 2 and 16 November; nothing changed in between."}"""))
        .andExpect(status().isAccepted());
    driver.runDueJobs();
    assertThat(api.view(reference).path("status").asText()).isEqualTo("CLOSED");

    deliveries.deleteExpired();
    assertThat(gathered(reference)).as("records of a request refused before its answer").isZero();
  }

  @Test
  void portabilityLeavesOutEvaluationAnswersAndTheEmployersRegistrationWithReasons() throws Exception {
    String email = "vibeke.stampe@havnelogistik.example";
    String reference = registerVerified("PORTABILITY", "Vibeke Stampe", email);
    searchByHand(reference, "NOTHING", null);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();

    Answer answer = approveAndReceive(reference, email);
    assertThat(answer.letter()).contains("Not in the export, and why",
        "Course evaluations", "legitimate interest (Art 6(1)(f))",
        "Courses and seminars", "registered by someone else (e.g. your employer)");

    MockHttpSession session = unlock(answer);
    Map<String, String> files = fileIds(answer.token(), session);
    assertThat(files.keySet()).containsExactly("data.json", "data.csv");
    JsonNode data = json.readTree(download(answer.token(), files.get("data.json"), session));
    List<String> systems = new ArrayList<>();
    data.path("systems").forEach(s -> systems.add(s.path("system").asText()));
    assertThat(systems).containsExactly("case-management", "newsletter");
    assertThat(data.path("notIncluded").size()).isEqualTo(2);
    assertThat(data.toString()).doesNotContain("Godt kursus");
    String csv = new String(download(answer.token(), files.get("data.csv"), session), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF\"system\",\"table\",\"record_id\",\"field\",\"value\"\r\n")
        .contains("\"newsletter\",\"newsletter_subscriber\",")
        .contains(",\"email\",\"vibeke.stampe@havnelogistik.example\"\r\n");
  }

  @Test
  void portabilityToAnotherControllerTheOfficerSendsTheFilesOrTheLetterSaysWhyNot() throws Exception {
    String email = "vibeke.stampe@havnelogistik.example";
    String reference = registerVerified("PORTABILITY", "Vibeke Stampe", email,
        ", \"transmitTo\": {\"name\": \"Ny Bank A/S\", \"email\": \"DPO@nybank.example\"}");
    assertThat(api.view(reference).path("transmitTo").toString())
        .isEqualTo("{\"name\":\"Ny Bank A/S\",\"email\":\"dpo@nybank.example\"}");
    searchByHand(reference, "NOTHING", null);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();

    Task send = driver.onlyTask(reference, "UserTask_SendToOtherController");
    assertThat(driver.taskField(send, "controllerName")).isEqualTo("Ny Bank A/S");
    assertThat(driver.taskField(send, "controllerEmail")).isEqualTo("dpo@nybank.example");
    assertThat(driver.taskField(send, "filesPage")).isEqualTo("/officer/access/" + reference + "/send");
    assertThat(mvc.perform(get("/officer/access/" + reference + "/send").with(httpBasic("officer", "officer")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
        .contains("data.json", "data.csv");
    mvc.perform(get("/officer/access/" + reference + "/send").with(httpBasic("manager", "manager")))
        .andExpect(status().isForbidden());
    assertThatThrownBy(() -> driver.submitAsOfficer(send, Map.of("transmission", "NOT_FEASIBLE")))
        .hasMessageContaining("notFeasibleReason");
    driver.submitAsOfficer(send, Map.of("transmission", "NOT_FEASIBLE",
        "notFeasibleReason", "Ny Bank A/S takes no files by e-mail and offered no other channel."));
    driver.runDueJobs();

    assertThat(api.view(reference).path("history").toString()).contains("NOT_SENT_TO_OTHER_CONTROLLER");
    Answer answer = approveAndReceive(reference, email);
    assertThat(answer.letter()).contains("You asked us to send your data directly to Ny Bank A/S, but this was not "
        + "technically feasible (Art 20(2)): Ny Bank A/S takes no files by e-mail and offered no other channel.");
  }

  @Test
  void portabilityToAnotherControllerSentByTheOfficerIsInTheLetter() throws Exception {
    String email = "vibeke.stampe@havnelogistik.example";
    String reference = registerVerified("PORTABILITY", "Vibeke Stampe", email,
        ", \"transmitTo\": {\"name\": \"Ny Bank A/S\", \"email\": \"dpo@nybank.example\"}");
    searchByHand(reference, "NOTHING", null);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();

    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_SendToOtherController"),
        Map.of("transmission", "SENT"));
    driver.runDueJobs();

    assertThat(api.view(reference).path("history").toString()).contains("SENT_TO_OTHER_CONTROLLER");
    Answer answer = approveAndReceive(reference, email);
    assertThat(answer.letter()).contains("As you asked, we have also sent your data directly to Ny Bank A/S "
        + "(Art 20(2)).");
  }

  @Test
  void aNamesakesRecordsAreNotReleased() throws Exception {
    String email = "birthe.r@netpost.example";
    String reference = registerVerified("ACCESS", "Birthe Ravnsbæk", email);
    searchByHand(reference, "NOTHING", null);

    // the review page is the officer's: not for anonymous callers or managers, and no change without a CSRF token
    mvc.perform(get("/officer/access/" + reference)).andExpect(redirectedUrl("http://localhost/officer/login"));
    mvc.perform(get("/officer/access/" + reference).with(httpBasic("manager", "manager")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/officer/access/" + reference).param("release", "1").with(httpBasic("officer", "officer")))
        .andExpect(status().isForbidden());

    String page = reviewPage(reference);
    assertThat(CANDIDATE.matcher(page).find()).as("the other Birthe's record, matched by name alone").isTrue();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();

    Answer answer = approveAndReceive(reference, email);
    MockHttpSession session = unlock(answer);
    String data = new String(download(answer.token(), fileIds(answer.token(), session).get("data.json"), session),
        StandardCharsets.UTF_8);
    assertThat(data).contains("birthe.r@netpost.example")
        .doesNotContain("birthe.ravnsbaek@fjordbyg.example", "Bogholder");
  }

  @Test
  void badLinksAndCodesShowAClearPageAndNoData() throws Exception {
    Answer answer = answeredAccess("Kasper Lindholm", "kasper.lindholm@kystkonsult.example");
    Answer other = answeredAccess("Ida Bøgh", "ida.boegh@fjordbyg.example");

    // a guessed link and a malformed one (no subject known: the page speaks Danish unless asked)
    mvc.perform(get("/download/" + "A".repeat(43))).andExpect(status().isNotFound())
        .andExpect(content().string(containsString("Linket virker ikke")));
    mvc.perform(get("/download/" + "A".repeat(43)).param("lang", "en"))
        .andExpect(content().string(containsString("This link does not work")));
    mvc.perform(get("/download/not-a-token")).andExpect(status().isNotFound());

    // someone else's link: your session opens only your own download, your code not theirs
    MockHttpSession session = unlock(answer);
    mvc.perform(get("/download/" + other.token()).session(session)).andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"code\"")))
        .andExpect(content().string(not(containsString("/files/"))));
    String otherFile = fileIds(answer.token(), session).get("data.json");
    mvc.perform(get("/download/" + other.token() + "/files/" + otherFile).session(session))
        .andExpect(status().isSeeOther());
    mvc.perform(post("/download/" + other.token()).param("code", answer.code()).with(csrf()))
        .andExpect(status().isBadRequest()).andExpect(content().string(containsString("The code was wrong")));

    // wrong codes: the fifth locks the link, and then even the right code is refused
    for (int i = 1; i < 4; i++) {
      mvc.perform(post("/download/" + other.token()).param("code", "00000000").with(csrf()))
          .andExpect(status().isBadRequest());
    }
    mvc.perform(post("/download/" + other.token()).param("code", "00000000").with(csrf()))
        .andExpect(status().is(423)).andExpect(content().string(containsString("locked until")));
    mvc.perform(post("/download/" + other.token()).param("code", other.code()).with(csrf()))
        .andExpect(status().is(423)).andExpect(content().string(not(containsString("/files/"))));
    assertThat(api.view(other.reference()).path("history").toString()).contains("DOWNLOAD_LOCKED");

    // expired: the page says so, and the files are deleted
    driver.setTime(java.util.Date.from(TestClock.now().plus(java.time.Duration.ofDays(15))));
    assertThat(deliveries.deleteExpired()).isGreaterThanOrEqualTo(2);
    mvc.perform(get("/download/" + answer.token()).session(session)).andExpect(status().isGone())
        .andExpect(content().string(containsString("This link has expired")));
    mvc.perform(get("/download/" + answer.token() + "/files/" + otherFile).session(session))
        .andExpect(status().isSeeOther());
    assertThat(deliveries.files(deliveries.open(answer.token()).deliveryId())).isEmpty();
  }

  @Test
  void aFileAskedForAfterTheSessionExpiredLeadsBackToThePageWhichAsksForTheCodeAgainInTheSubjectsLanguage()
      throws Exception {
    Answer answer = answeredAccess("Kasper Lindholm", "kasper.lindholm@kystkonsult.example");
    String file = fileIds(answer.token(), unlock(answer)).get("data.json");

    // the page was left open past the session's 30 minutes: the browser's next request brings a new session
    MockHttpSession later = new MockHttpSession();
    mvc.perform(get("/download/" + answer.token() + "/files/" + file).session(later))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "/download/" + answer.token() + "?codeAgain"));
    mvc.perform(get("/download/" + answer.token()).param("codeAgain", "").session(later))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("This page had been open too long")))
        .andExpect(content().string(containsString("name=\"code\"")));

    mvc.perform(post("/download/" + answer.token()).session(later).param("code", answer.code()).with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(download(answer.token(), file, later)).isNotEmpty();
  }

  // ---- helpers

  private Answer answeredAccess(String name, String email) throws Exception {
    String reference = registerVerified("ACCESS", name, email);
    searchByHand(reference, "NOTHING", null);
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_ReviewReport"), Map.of("reviewDecision", "APPROVE"));
    driver.runDueJobs();
    return approveAndReceive(reference, email);
  }

  private String registerVerified(String type, String name, String email) throws Exception {
    return registerVerified(type, name, email, "");
  }

  /** {@code more}: further JSON members of the registration, each after a comma. */
  private String registerVerified(String type, String name, String email, String more) throws Exception {
    String body = """
        {"type": "%s", "name": "%s", "email": "%s", "language": "en", "channel": "EMAIL",
         "receivedAt": "%s", "identityVerified": true, "identityNote": "Known address, signed e-mail"%s}"""
        .formatted(type, name, email, TestClock.now().atOffset(java.time.ZoneOffset.UTC).minusHours(1), more);
    String response = mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    driver.runDueJobs();
    return json.readTree(response).path("reference").asText();
  }

  private void searchByHand(String reference, String result, String found) {
    Task search = driver.onlyTask(reference, "UserTask_SearchManualSystem");
    assertThat(driver.onlyTaskOrNone(reference, "UserTask_ReviewReport")).as("waits for the manual search").isNull();
    driver.submitAsOfficer(search, found == null ? Map.of("foundInSystem", result)
        : Map.of("foundInSystem", result, "whatWasFound", found));
    driver.runDueJobs();
  }

  private long gathered(String reference) {
    return rightsDesk.sql("SELECT COUNT(*) FROM access_record a JOIN dsr_request r ON r.id = a.request_id "
        + "WHERE r.reference = ?").param(reference).query(Long.class).single();
  }

  private String reviewPage(String reference) throws Exception {
    return mvc.perform(get("/officer/access/" + reference).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  /** The officer approves the letter (after seeing the link's stand-in); the two mails arrive. */
  private Answer approveAndReceive(String reference, String email) {
    Task approval = driver.onlyTask(reference, "UserTask_ApproveAnswer");
    assertThat(driver.taskField(approval, "letterPreview")).contains("[personal download link, made when");
    driver.submitAsOfficer(approval, Map.of("answerDecision", "SEND"));
    driver.runDueJobs();
    String letter = TestDriver.body(driver.onlyMailTo(email, "Our answer to your request " + reference));
    Matcher link = DOWNLOAD_LINK.matcher(letter);
    assertThat(link.find()).as("a download link in the answer").isTrue();
    MimeMessage codeMail = driver.onlyMailTo(email, "Your code for the download");
    Matcher code = CODE.matcher(TestDriver.body(codeMail));
    assertThat(code.find()).as("a code in the second mail").isTrue();
    assertThat(TestDriver.body(codeMail)).doesNotContain(link.group(1));
    return new Answer(reference, letter, link.group(1), code.group(1));
  }

  private MockHttpSession unlock(Answer answer) throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(get("/download/" + answer.token()).session(session)).andExpect(status().isOk())
        .andExpect(content().string(containsString("name=\"code\"")));
    mvc.perform(post("/download/" + answer.token()).session(session).param("code", "12345678x").with(csrf()))
        .andExpect(status().isBadRequest());
    mvc.perform(post("/download/" + answer.token()).session(session).param("code", answer.code()).with(csrf()))
        .andExpect(status().is3xxRedirection());
    return session;
  }

  private Map<String, String> fileIds(String token, MockHttpSession session) throws Exception {
    String page = mvc.perform(get("/download/" + token).session(session)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    Map<String, String> ids = new java.util.LinkedHashMap<>();
    Matcher m = FILE.matcher(page);
    while (m.find()) {
      ids.put(m.group(2), m.group(1));
    }
    return ids;
  }

  private byte[] download(String token, String fileId, MockHttpSession session) throws Exception {
    return mvc.perform(get("/download/" + token + "/files/" + fileId).session(session))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
  }

  private static JsonNode record(JsonNode data, String system, String table) {
    List<JsonNode> found = new ArrayList<>();
    forRecords(data, system, table, found::add);
    assertThat(found).as("%s.%s in the export", system, table).hasSize(1);
    return found.get(0);
  }

  private static void forRecords(JsonNode data, String system, String table,
      java.util.function.Consumer<JsonNode> each) {
    data.path("systems").forEach(s -> {
      if (s.path("system").asText().equals(system)) {
        s.path("records").forEach(r -> {
          if (r.path("table").asText().equals(table)) {
            each.accept(r);
          }
        });
      }
    });
  }
}
