package dk.mico.rightsdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.notification.ControllerProperties;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.ws.rs.core.Response.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The GDPR mailbox end to end: a real mail sent through the embedded SMTP server to gdpr@mico.dk, read over IMAP by
 * the poller (called directly), turned into one officer task, and registered, dismissed or attached through
 * Tasklist's form service or the API.
 *
 * <p>The mailbox stamps its arrival time (IMAP INTERNALDATE) from the wall clock, not the test clock; each test
 * brackets the sending with the wall clock and then sets the engine's clock to just after the arrival, so that a
 * request received then is not "in the future".
 */
@RightsDeskSpringTest
class InboundEmailTests {

  private static final String MAILBOX = "gdpr@mico.dk";
  private static final String TASK = "UserTask_RegisterRequestFromEmail";

  @Autowired InboxProperties mailbox;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired InboxPoller poller;
  @Autowired Inbox inbox;
  @Autowired JavaMailSender smtp;
  @Autowired GdprMailbox gdprMailbox;
  @Autowired EmailParser parser;
  @Autowired ControllerProperties controller;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  /** A sender of its own per test: requests of one person for one right would be duplicates across tests. */
  private final String sender = "mette." + UUID.randomUUID().toString().substring(0, 8) + "@fjordbyg.example";
  /** When the last mail reached the mailbox, on the test clock (whole seconds, as IMAP keeps it). */
  private Instant arrivedAt;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void mailInBecomesOneTaskShowingTheMailWithoutPuttingItIntoTheProcess() throws Exception {
    String subject = "Indsigt " + UUID.randomUUID();
    // through the embedded SMTP port, as in the demo: it lands in the GDPR mailbox, stamped by the mail server
    smtp.send(mail(subject, "Hej, jeg vil gerne have indsigt i de oplysninger, I har om mig. Venlig hilsen Mette",
        "<p>Hej, jeg vil gerne have <b>indsigt</b>.</p><script>alert('x')</script>", true));

    assertThat(poller.poll()).isEqualTo(1);

    InboundEmail email = stored(subject);
    assertThat(email.receivedAt()).isNotNull();
    assertThat(email.suggestedType()).isEqualTo("ACCESS");
    assertThat(email.language()).isEqualTo("da");
    Task task = taskOf(email);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).taskCandidateGroup("gdpr-officer").count()).isOne();
    assertThat(driver.taskField(task, "emailFrom")).isEqualTo("Mette Kjærgaard Sørensen <" + sender + ">");
    assertThat(driver.taskField(task, "emailSubject")).isEqualTo(subject);
    assertThat(driver.taskField(task, "emailText")).contains("indsigt i de oplysninger").doesNotContain("<");
    assertThat(driver.taskField(task, "emailAttachments")).contains("kvittering.pdf (application/pdf, about");
    assertThat(driver.taskField(task, "suggestedRight")).isEqualTo("access (Art 15)");
    assertThat(driver.taskField(task, "language")).isEqualTo("da");
    assertThat(driver.taskField(task, "earlierRequests")).isEqualTo("None.");
    assertThat(driver.taskField(task, "emailReceivedAt")).isNotBlank();
    // the process holds the e-mail's id, its route and the task's due date; the mail itself only the task's screen
    assertThat(runtime.getVariables(task.getProcessInstanceId()).keySet())
        .containsExactlyInAnyOrder("inboundEmailId", "route", "taskDueDate");

    driver.runDueJobs(); // flags it handled in the mailbox
    assertThat(poller.poll()).isZero();
    assertThat(openTasksFor(email)).isOne();

    driver.submitAsOfficer(task, Map.of("emailDecision", "NOT_A_REQUEST", "dismissalReason", "Test mail"));
    assertThat(inbox.get(email.id()).state()).isEqualTo(InboxState.NOT_A_REQUEST);
  }

  @Test
  void theSameMailTwiceGivesOneTask() throws Exception {
    String subject = "Sletning " + UUID.randomUUID();
    MimeMessage message = mail(subject, "Slet venligst mine oplysninger. Mvh Mette", null, false);
    send(message);
    send(message); // a second copy with the same Message-ID

    // two polls before the flag job runs: a restart between commit and flag reads it again
    assertThat(poller.poll()).isEqualTo(1);
    assertThat(poller.poll()).isZero();

    InboundEmail email = stored(subject);
    assertThat(openTasksFor(email)).isOne();
    assertThat(email.suggestedType()).isEqualTo("ERASURE");
    driver.runDueJobs();
    assertThat(poller.poll()).isZero();
    assertThat(openTasksFor(email)).isOne();

    inbox.dismiss(email.id(), "Test mail", "officer");
    assertThat(openTasksFor(email)).isZero();
  }

  @Test
  void officerRegistersAnAccessAndAnErasureRequestFromOneMailInTasklist() throws Exception {
    String subject = "Indsigt og sletning " + UUID.randomUUID();
    InboundEmail email = received(subject, "Jeg vil have indsigt, og bagefter skal I slette mine oplysninger.");
    assertThat(email.receivedAt()).as("the mailbox's arrival time, not the Date header").isEqualTo(arrivedAt);
    driver.setTime(Date.from(email.receivedAt().plusSeconds(60)));
    Task task = taskOf(email);

    // bad input is a form message, and nothing changes
    assertThatThrownBy(() -> driver.submitAsOfficer(task, Map.of("emailDecision", "REGISTER")))
        .isInstanceOf(RestException.class)
        .hasFieldOrPropertyWithValue("status", Status.BAD_REQUEST).hasMessageContaining("Please correct the form")
        .hasMessageContaining("choose at least one right");
    assertThat(inbox.get(email.id()).state()).isEqualTo(InboxState.NEW);
    assertThat(openTasksFor(email)).isOne();

    driver.submitAsOfficer(task, Map.of("emailDecision", "REGISTER", "rightAccess", true, "rightErasure", true,
        "language", "da"));

    InboundEmail registered = inbox.get(email.id());
    assertThat(registered.state()).isEqualTo(InboxState.REGISTERED);
    assertThat(registered.references()).hasSize(2);
    assertThat(openTasksFor(email)).isZero();
    List<String> types = registered.references().stream().map(this::view).map(view -> {
      // received when the mail reached the mailbox: not the Date header (3 days earlier), not registration time
      assertThat(OffsetDateTime.parse(view.path("receivedAt").asText()).toInstant()).isEqualTo(email.receivedAt());
      assertThat(view.path("channel").asText()).isEqualTo("EMAIL");
      assertThat(view.path("status").asText()).isEqualTo("IN_PROGRESS");
      return view.path("type").asText();
    }).toList();
    assertThat(types).containsExactlyInAnyOrder("ACCESS", "ERASURE");
  }

  @Test
  void f25_aWithdrawalRegisteredFromTheMailKeepsTheConsentsTheOfficerTyped() throws Exception {
    InboundEmail email = received("Cookies " + UUID.randomUUID(), "I no longer accept statistics cookies.");
    driver.setTime(Date.from(email.receivedAt().plusSeconds(60)));
    Task task = taskOf(email);

    assertThatThrownBy(() -> driver.submitAsOfficer(task, Map.of("emailDecision", "REGISTER",
            "rightConsentWithdrawal", true, "consents", "statistics", "language", "en")))
        .isInstanceOf(RestException.class).hasMessageContaining("consents: must name consents from");
    driver.submitAsOfficer(task, Map.of("emailDecision", "REGISTER", "rightConsentWithdrawal", true,
        "consents", "cookies", "language", "en"));

    List<String> references = inbox.get(email.id()).references();
    assertThat(references).hasSize(1);
    assertThat(view(references.get(0)).path("consents").toString()).isEqualTo("[\"cookies\"]");
  }

  @Test
  void apiRegistersFromTheMailAndEndsTheTask() throws Exception {
    String subject = "Request " + UUID.randomUUID();
    InboundEmail email = received(subject, "Dear MICO, please give me a copy of my data and erase it afterwards. Regards");
    driver.setTime(Date.from(email.receivedAt().plusSeconds(60)));

    mvc.perform(get("/api/officer/inbox").param("state", "NEW").with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == %d)].from".formatted(email.id()))
            .value("Mette Kjærgaard Sørensen <" + sender + ">"))
        .andExpect(jsonPath("$[?(@.id == %d)].language".formatted(email.id())).value("en"))
        .andExpect(jsonPath("$[?(@.id == %d)].state".formatted(email.id())).value("NEW"));

    String answer = mvc.perform(post("/api/officer/inbox/{id}/registration", email.id())
            .with(httpBasic("officer", "officer")).contentType(MediaType.APPLICATION_JSON)
            .content("[{\"type\": \"ACCESS\"}, {\"type\": \"ERASURE\", \"details\": \"Everything\"}]"))
        .andExpect(status().isCreated())
        .andReturn().getResponse().getContentAsString();
    List<String> references = json.readerForListOf(String.class).readValue(json.readTree(answer).path("references"));
    assertThat(references).hasSize(2).allMatch(reference -> reference.startsWith("DSR-"));
    for (String reference : references) {
      JsonNode view = view(reference);
      assertThat(OffsetDateTime.parse(view.path("receivedAt").asText()).toInstant()).isEqualTo(email.receivedAt());
      assertThat(view.path("channel").asText()).isEqualTo("EMAIL");
    }
    assertThat(openTasksFor(email)).isZero();
    String process = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey("INBOX-" + email.id())
        .singleResult().getId();
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(process)
        .activityId("EndEvent_EmailHandledThroughApi").count()).isOne();

    // the same action twice changes nothing
    mvc.perform(post("/api/officer/inbox/{id}/registration", email.id()).with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("[{\"type\": \"ACCESS\"}]"))
        .andExpect(status().isConflict());
    assertThat(inbox.get(email.id()).references()).containsExactlyInAnyOrderElementsOf(references);
  }

  @Test
  void dismissalIsKeptWithItsReasonAndManagersSeeCountsOnly() throws Exception {
    String subject = "Tilbud " + UUID.randomUUID();
    InboundEmail email = received(subject, "Vi tilbyder billige kuglepenne.");

    mvc.perform(post("/api/officer/inbox/{id}/dismissal", email.id()).with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \" \"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    mvc.perform(post("/api/officer/inbox/{id}/dismissal", email.id()).with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Spam\\u0000\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("reason"));
    assertThat(openTasksFor(email)).isOne();

    mvc.perform(post("/api/officer/inbox/{id}/dismissal", email.id()).with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Advertising\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.state").value("NOT_A_REQUEST"));
    assertThat(inbox.get(email.id()).dismissalReason()).isEqualTo("Advertising");
    assertThat(openTasksFor(email)).isZero();

    mvc.perform(get("/api/officer/inbox").param("state", "NOT_A_REQUEST").with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == %d)].state".formatted(email.id())).value("NOT_A_REQUEST"));
    mvc.perform(get("/api/officer/inbox").with(httpBasic("manager", "manager"))).andExpect(status().isForbidden());
    mvc.perform(post("/api/officer/inbox/{id}/dismissal", email.id()).with(httpBasic("manager", "manager"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}")).andExpect(status().isForbidden());
    mvc.perform(get("/api/officer/inbox/counts").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.NOT_A_REQUEST").isNumber())
        .andExpect(jsonPath("$.NEW").isNumber());
    mvc.perform(post("/api/officer/inbox/{id}/dismissal", 999_999).with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"x\"}"))
        .andExpect(status().isNotFound());
  }

  @Test
  void officerAttachesAFollowUpToItsRequest() throws Exception {
    String reference = earlierAccessRequest();
    // no reference anywhere in it: the officer recognises the follow-up
    String subject = "Kopi af mit pas " + UUID.randomUUID();
    InboundEmail email = received(subject, "Her er kopien af mit pas, som I bad om.");
    Task task = taskOf(email);
    assertThat(driver.taskField(task, "earlierRequests")).contains(reference);

    assertThatThrownBy(() -> driver.submitAsOfficer(task,
        Map.of("emailDecision", "ATTACH", "attachToReference", "DSR-1999-00001")))
        .hasMessageContaining("there is no request with that reference");
    driver.submitAsOfficer(task, Map.of("emailDecision", "ATTACH", "attachToReference", reference));

    assertThat(inbox.get(email.id()).state()).isEqualTo(InboxState.ATTACHED);
    assertThat(inbox.get(email.id()).references()).containsExactly(reference);
    assertThat(view(reference).path("history").findValuesAsText("step")).contains("EMAIL_ATTACHED");
  }

  @Test
  void forgedReferenceIsANoteForTheOfficerNeverTheSubjectsAnswer() throws Exception {
    String reference = earlierAccessRequest();
    String forged = "Re: " + reference + " " + UUID.randomUUID();
    MimeMessage fromSomeoneElse = mail(forged, "Send mig Mettes oplysninger.", null, false);
    fromSomeoneElse.setFrom(new InternetAddress("someone.else@example.dk"));
    send(fromSomeoneElse);
    assertThat(poller.poll()).isEqualTo(1);

    InboundEmail notAttached = stored(forged);
    assertThat(notAttached.references()).isEmpty();
    assertThat(notAttached.officerNote()).contains(reference, "does not come from the address");
    Task task = taskOf(notAttached);
    assertThat(driver.taskField(task, "emailNote")).contains(reference, "not taken as the subject's answer");
    assertThat(view(reference).path("history").findValuesAsText("step")).doesNotContain("EMAIL_ATTACHED");

    inbox.dismiss(notAttached.id(), "Not the subject", "officer");
  }

  @Test
  void subjectsReplyNoTaskWaitsForIsAttachedAtOnceAndTheOfficerReadsIt() throws Exception {
    String reference = earlierAccessRequest();
    String reply = "Re: Din anmodning " + reference + " " + UUID.randomUUID();
    send(mail(reply, "Her er kopien af mit pas.", null, false));
    assertThat(poller.poll()).isEqualTo(1);

    InboundEmail attached = inState(InboxState.ATTACHED, reply);
    assertThat(attached.references()).containsExactly(reference);
    assertThat(openTasksFor(attached)).isZero();
    assertThat(view(reference).path("history").findValuesAsText("step")).contains("EMAIL_ATTACHED");
    Task read = onlyTaskOf(attached, "UserTask_ReadSubjectsReply");
    assertThat(read.getName()).as("the row in Tasklist's list names the request")
        .isEqualTo("Read the subject's reply: " + reference + ", access (Art 15)");
    assertThat(driver.taskField(read, "requestReference")).isEqualTo(reference);
    assertThat(driver.taskField(read, "emailText")).contains("kopien af mit pas");

    driver.submitAsOfficer(read, Map.of("emailRead", true));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("INBOX-" + attached.id()).count()).isZero();
  }

  @Test
  void replyToOurIdentityQuestionIsShownOnTheTaskThatWaitsForIt() throws Exception {
    String reference = api.register("""
        {"type": "RECTIFICATION", "name": "Mette Kjærgaard Sørensen", "email": "%s", "channel": "EMAIL",
         "receivedAt": "%s", "language": "en", "identityVerified": false}"""
        .formatted(sender, TestClock.now().minus(1, ChronoUnit.DAYS)));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_CheckIdentity"), Map.of(
        "identityDecision", "ASK_FOR_INFORMATION", "identityNote", "The customer number on one of your invoices"));
    driver.runDueJobs();
    MimeMessage asked = driver.onlyMailTo(sender, "more information");

    // an answer from the mail client: no reference in the subject line, the letter's Message-ID in In-Reply-To
    String subject = "Re: your request " + UUID.randomUUID();
    MimeMessage answer = mail(subject, "My customer number is 4711.", null, false);
    answer.setHeader("In-Reply-To", asked.getMessageID());
    send(answer);
    assertThat(poller.poll()).isEqualTo(1);

    InboundEmail attached = inState(InboxState.ATTACHED, subject);
    assertThat(attached.references()).containsExactly(reference);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("INBOX-" + attached.id()).count())
        .as("no inbox task: the waiting task shows it").isZero();
    Task waiting = driver.onlyTask(reference, "UserTask_AwaitIdentityInformation");
    assertThat(driver.taskField(waiting, "subjectsEmailReply")).contains("My customer number is 4711.");
  }

  @Test
  void bounceOfOurLetterIsAFailedDeliveryOfItsRequestAndTheOfficerIsTold() throws Exception {
    String reference = earlierAccessRequest();
    driver.runDueJobs();
    String ourLetter = driver.mailTo(sender).get(0).getMessageID();
    assertThat(ourLetter).contains(reference);

    String subject = "Undelivered Mail Returned to Sender " + UUID.randomUUID();
    send(raw("""
        From: Mail Delivery System <MAILER-DAEMON@fjordbyg.example>
        To: gdpr@mico.dk
        Subject: %s
        Message-ID: <%s@fjordbyg.example>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

        --r1
        Content-Type: text/plain; charset=us-ascii

        Your message could not be delivered to one or more recipients.
        --r1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.fjordbyg.example

        Final-Recipient: rfc822; %s
        Action: failed
        Status: 5.1.1

        --r1
        Content-Type: text/rfc822-headers

        From: MICO ApS <gdpr@mico.dk>
        To: %s
        Message-ID: %s
        Subject: Kvittering

        --r1--
        """.formatted(subject, UUID.randomUUID(), sender, sender, ourLetter)));
    assertThat(poller.poll()).isEqualTo(1);

    InboundEmail bounce = inState(InboxState.ATTACHED, subject);
    assertThat(bounce.references()).containsExactly(reference);
    assertThat(view(reference).path("history").findValuesAsText("step")).contains("LETTER_NOT_DELIVERED");
    assertThat(inbox.list(InboxState.REGISTERED)).noneMatch(e -> subject.equals(e.subject()));
    assertThat(openTasksFor(bounce)).as("never a request").isZero();
    Task told = onlyTaskOf(bounce, "UserTask_LetterNotDelivered");
    assertThat(told.getName()).as("the row in Tasklist's list names the request")
        .isEqualTo("A letter did not arrive: " + reference + ", access (Art 15)");
    assertThat(driver.taskField(told, "whatHappened")).contains(reference, "did not arrive");
  }

  @Test
  void autoReplyThatNamesNoRequestIsDismissedWithItsReason() throws Exception {
    String subject = "Out of office " + UUID.randomUUID();
    MimeMessage autoReply = mail(subject, "I am away until Monday.", null, false);
    autoReply.setHeader("Auto-Submitted", "auto-replied");
    send(autoReply);
    assertThat(poller.poll()).isEqualTo(1);

    InboundEmail dismissed = inState(InboxState.NOT_A_REQUEST, subject);
    assertThat(dismissed.dismissalReason()).contains("automatic reply");
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey("INBOX-" + dismissed.id()).count()).isZero();
    driver.runDueJobs();
    assertThat(poller.poll()).as("flagged in the mailbox all the same").isZero();
  }

  @Test
  void aRestartBetweenCommitAndFlagGivesOneTask() throws Exception {
    String subject = "Indsigt " + UUID.randomUUID();
    send(mail(subject, "Jeg vil have indsigt.", null, false));
    assertThat(poller.poll()).isEqualTo(1);
    // the node stops before the flag job ran: the message is still unflagged in the mailbox
    InboxPoller afterRestart = new InboxPoller(gdprMailbox, parser, inbox, mailbox, controller);

    assertThat(afterRestart.poll()).isZero();
    InboundEmail email = stored(subject);
    assertThat(openTasksFor(email)).isOne();
    driver.runDueJobs();
    assertThat(afterRestart.poll()).isZero();
    assertThat(openTasksFor(email)).isOne();
    inbox.dismiss(email.id(), "Test mail", "officer");
  }

  @Test
  void a25MegabyteMailBecomesATaskWithABoundedExcerptAndItsAttachmentListed() throws Exception {
    String subject = "Stor mail " + UUID.randomUUID();
    MimeMessage big = mail(subject, "Slet mine oplysninger. " + "Bla bla. ".repeat(1_000), null, false);
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart body = new MimeBodyPart();
    body.setContent((MimeMultipart) big.getContent());
    mixed.addBodyPart(body);
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setContent(new byte[25 * 1024 * 1024], "application/octet-stream");
    attachment.setFileName("scan.bin");
    attachment.setDisposition(MimeBodyPart.ATTACHMENT);
    mixed.addBodyPart(attachment);
    big.setContent(mixed);
    big.saveChanges();
    send(big);
    assertThat(poller.poll()).isEqualTo(1);

    InboundEmail email = stored(subject);
    assertThat(email.text()).as("the whole text is kept").hasSizeGreaterThan(9_000);
    Task task = taskOf(email);
    assertThat(driver.taskField(task, "emailText")).startsWith("Slet mine oplysninger.").hasSizeLessThan(4000)
        .contains("the whole text is kept with inbox e-mail " + email.id());
    assertThat(driver.taskField(task, "emailAttachments")).contains("scan.bin (application/octet-stream, about");
    inbox.dismiss(email.id(), "Test mail", "officer");
  }

  @Test
  void aMailWithNoTextBecomesATaskThatSaysSo() throws Exception {
    String subject = "Tom " + UUID.randomUUID();
    InboundEmail email = received(subject, "");
    assertThat(driver.taskField(taskOf(email), "emailText")).isEqualTo("(The e-mail has no text.)");
    inbox.dismiss(email.id(), "Test mail", "officer");
  }

  @Test
  void aMailInAnUnknownCharsetBecomesATaskWithItsText() throws Exception {
    String subject = "Charset " + UUID.randomUUID();
    send(raw("""
        From: %s
        To: gdpr@mico.dk
        Subject: %s
        Message-ID: <%s@fjordbyg.example>
        Content-Type: text/plain; charset=x-no-such-charset

        Jeg vil have indsigt
        """.formatted(sender, subject, UUID.randomUUID())));
    assertThat(poller.poll()).isEqualTo(1);

    InboundEmail email = stored(subject);
    assertThat(driver.taskField(taskOf(email), "emailText")).contains("Jeg vil have indsigt");
    inbox.dismiss(email.id(), "Test mail", "officer");
  }

  /** An access request the sender made yesterday, registered by the officer. */
  private String earlierAccessRequest() throws Exception {
    return api.register("""
        {"type": "ACCESS", "name": "Mette Kjærgaard Sørensen", "email": "%s", "channel": "EMAIL",
         "receivedAt": "%s", "language": "da"}""".formatted(sender, TestClock.now().minus(1, ChronoUnit.DAYS)));
  }

  /** A plain-text mail sent to the GDPR mailbox and read by one poll. */
  private InboundEmail received(String subject, String text) throws Exception {
    send(mail(subject, text, null, false));
    poller.poll();
    return stored(subject);
  }

  /** A mail from the demo persona to the GDPR mailbox, its Date header three days before it is sent. */
  private MimeMessage mail(String subject, String text, String html, boolean withAttachment) throws Exception {
    String messageId = "<" + UUID.randomUUID() + "@fjordbyg.example>";
    MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties())) {
      @Override
      protected void updateMessageID() throws jakarta.mail.MessagingException {
        setHeader("Message-ID", messageId);
      }
    };
    message.setFrom(new InternetAddress(sender, "Mette Kjærgaard Sørensen", "UTF-8"));
    message.setRecipients(MimeMessage.RecipientType.TO, MAILBOX);
    message.setSubject(subject, "UTF-8");
    message.setSentDate(Date.from(TestClock.now().minus(3, ChronoUnit.DAYS)));
    MimeMultipart alternatives = new MimeMultipart("alternative");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(text, "UTF-8");
    alternatives.addBodyPart(plain);
    if (html != null) {
      MimeBodyPart rich = new MimeBodyPart();
      rich.setContent(html, "text/html; charset=UTF-8");
      alternatives.addBodyPart(rich);
    }
    if (!withAttachment) {
      message.setContent(alternatives);
      return message;
    }
    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternatives);
    mixed.addBodyPart(body);
    MimeBodyPart attachment = new MimeBodyPart();
    attachment.setContent("%PDF-1.4 a receipt".getBytes(StandardCharsets.US_ASCII), "application/pdf");
    attachment.setFileName("kvittering.pdf");
    attachment.setDisposition(MimeBodyPart.ATTACHMENT);
    mixed.addBodyPart(attachment);
    message.setContent(mixed);
    return message;
  }

  private void send(MimeMessage message) throws Exception {
    arrivedAt = driver.deliverToGdprMailbox(message);
  }

  /** A message as a mail server would hand it over, from its source text. */
  private static MimeMessage raw(String source) throws Exception {
    return new MimeMessage(Session.getInstance(new java.util.Properties()),
        new java.io.ByteArrayInputStream(source.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }

  private InboundEmail inState(InboxState state, String subject) {
    List<InboundEmail> found = inbox.list(state).stream().filter(e -> subject.equals(e.subject())).toList();
    assertThat(found).as("%s e-mail '%s'", state, subject).hasSize(1);
    return found.get(0);
  }

  private Task onlyTaskOf(InboundEmail email, String taskDefinitionKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey("INBOX-" + email.id())
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private InboundEmail stored(String subject) {
    List<InboundEmail> found = inbox.list(InboxState.NEW).stream().filter(e -> subject.equals(e.subject())).toList();
    assertThat(found).as("new e-mail '%s'", subject).hasSize(1);
    return found.get(0);
  }

  private Task taskOf(InboundEmail email) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey("INBOX-" + email.id())
        .taskDefinitionKey(TASK).list();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private long openTasksFor(InboundEmail email) {
    return tasks.createTaskQuery().processInstanceBusinessKey("INBOX-" + email.id()).taskDefinitionKey(TASK).count();
  }

  private JsonNode view(String reference) {
    try {
      return api.view(reference);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
