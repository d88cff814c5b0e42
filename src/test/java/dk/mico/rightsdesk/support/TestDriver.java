package dk.mico.rightsdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.RequestFindings;
import dk.mico.rightsdesk.inbox.InboxProperties;
import dk.mico.rightsdesk.notification.OutboxSender;
import dk.mico.rightsdesk.system.EmbeddedMailServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import dk.mico.rightsdesk.system.security.LoginThrottle;
import dk.mico.rightsdesk.system.security.RealFormTokens;
import dk.mico.rightsdesk.web.IntakeRateLimiter;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.web.FilterChainProxy;

/**
 * Drives the application as its users and its job executor would: runs due jobs one by one (the test profile has no
 * job executor), reads the embedded SMTP server, and completes tasks as a Camunda user through the form service,
 * as Tasklist does.
 */
@TestComponent
public class TestDriver {

  private static final Pattern LINK = Pattern.compile("http://[^\\s]+/(confirm|status)/([A-Za-z0-9_-]{43})");

  private final ManagementService management;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final EmbeddedMailServer mail;
  private final IntakeRateLimiter limiter;
  private final LoginThrottle logins;
  @Autowired private Discovery discovery;
  @Autowired private InboxProperties gdprMailbox;
  @Autowired private OutboxSender outbox;
  @Autowired private JdbcClient db;
  @Autowired private FilterChainProxy security;

  TestDriver(ManagementService management, TaskService tasks, FormService forms, IdentityService identity,
      EmbeddedMailServer mail, IntakeRateLimiter limiter, LoginThrottle logins) {
    this.management = management;
    this.tasks = tasks;
    this.forms = forms;
    this.identity = identity;
    this.mail = mail;
    this.limiter = limiter;
    this.logins = logins;
  }

  /**
   * Puts the mail into the GDPR mailbox as arrived now on the test clock, and answers that moment: an IMAP APPEND
   * with that arrival time (INTERNALDATE), since the mail server stamps what comes by SMTP with the machine's clock.
   */
  public Instant deliverToGdprMailbox(MimeMessage message) throws MessagingException {
    Instant arrivedAt = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
    MimeMessage arriving = new MimeMessage(message) {
      @Override
      public Date getReceivedDate() {
        return Date.from(arrivedAt);
      }

      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", message.getMessageID());
      }
    };
    try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
      store.connect(gdprMailbox.host(), mail.imapPort(), gdprMailbox.user(), gdprMailbox.password());
      store.getFolder(gdprMailbox.folder()).appendMessages(new Message[] {arriving}); // APPEND needs no open folder
    }
    return arrivedAt;
  }

  /**
   * A clean start for a test: the test clock at its start moment ({@link TestClock}), an empty mailbox and outbox (an
   * earlier test's mail, queued through its outage, would otherwise go out in this one), no rate-limit or failed-login
   * counts (their notices sent before the mailbox is emptied), a running SMTP server, and the pages' own CSRF token
   * store, which an earlier MockMvc {@code csrf()} may have swapped out.
   */
  public void reset() {
    TestClock.reset();
    RealFormTokens.restore(security);
    if (!mail.isRunning()) {
      mail.start();
    }
    logins.reset();
    mail.purge();
    db.sql("DELETE FROM mail_outbox").update();
    limiter.reset();
  }

  /**
   * Runs every job that is due now, including those that due jobs create, as the job executor would, and then
   * delivers the mail that is due, as the outbox sender would, and runs the jobs a delivery creates (a lifting
   * waiting for its notice).
   */
  public void runDueJobs() {
    for (int round = 0; round < 100; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        deliverMail();
        due = management.createJobQuery().executable().list();
        if (due.isEmpty()) {
          return;
        }
      }
      for (Job job : due) {
        // a job run before it may have removed it (a boundary event ends its activity's other timers)
        if (management.createJobQuery().jobId(job.getId()).count() > 0) {
          management.executeJob(job.getId());
        }
      }
    }
    throw new AssertionError("Jobs keep coming: a loop in the process?");
  }

  /** Delivers the mail that is due in the outbox, as the outbox sender does on its own outside tests. */
  public void deliverMail() {
    outbox.deliverDue();
  }

  /** Moves the engine's (and so the application's) clock. */
  public void setTime(Date now) {
    ClockUtil.setCurrentTime(now);
  }

  public List<MimeMessage> mailTo(String address) {
    return mail.received().stream().filter(m -> recipients(m).contains(address)).toList();
  }

  public MimeMessage onlyMailTo(String address, String subjectContains) {
    List<MimeMessage> matching = mailTo(address).stream().filter(m -> subject(m).contains(subjectContains)).toList();
    assertThat(matching).as("mail to %s with '%s' in the subject", address, subjectContains).hasSize(1);
    return matching.get(0);
  }

  public static String body(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The secret token of the confirmation or status link in a mail. */
  public static String linkToken(MimeMessage message, String kind) {
    Matcher matcher = LINK.matcher(body(message));
    while (matcher.find()) {
      if (matcher.group(1).equals(kind)) {
        return matcher.group(2);
      }
    }
    throw new AssertionError("No " + kind + " link in: " + body(message));
  }

  public Task onlyTask(String reference, String taskDefinitionKey) {
    List<Task> found = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey(taskDefinitionKey).list();
    assertThat(found).as("open %s of %s", taskDefinitionKey, reference).hasSize(1);
    return found.get(0);
  }

  /** The open task, or null when there is none. */
  public Task onlyTaskOrNone(String reference, String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  /** A field of a task's screen (its task-local variables) as Tasklist shows it. */
  public String taskField(Task task, String name) {
    Object value = tasks.getVariableLocal(task.getId(), name);
    return value == null ? null : value.toString();
  }

  /** How many tasks of this kind the request has open. */
  public long openTasks(String reference, String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskDefinitionKey).count();
  }

  /** Submits a task's form as the user, with the user's groups, as Tasklist does. */
  public void submitAs(String userId, List<String> groups, Task task, Map<String, Object> fields) {
    identity.setAuthentication(userId, groups);
    try {
      forms.submitTaskForm(task.getId(), fields);
    } finally {
      identity.clearAuthentication();
    }
  }

  public void submitAsOfficer(Task task, Map<String, Object> fields) {
    submitAs("officer", List.of("gdpr-officer"), task, fields);
  }

  /**
   * The owners of each system worked by hand (the demo's e-mail archive, owned by the GDPR officers) record that
   * it holds nothing on the subject, and the due jobs run.
   */
  public void nothingHeldByHand(String reference) {
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKey("UserTask_CarryOutByHand").list()) {
      submitAsOfficer(task, Map.of("carriedOut", "NOTHING_HELD_BY_HAND"));
    }
    runDueJobs();
  }

  /**
   * The officer rejects every candidate of the request not decided yet: the records found by the name alone (or
   * another identifier that proves nothing) belong to namesakes, not to the subject.
   */
  public void rejectCandidates(String reference) {
    Map<Long, String> rejections = new java.util.HashMap<>();
    discovery.candidates(reference).stream().filter(c -> !c.decided())
        .forEach(c -> rejections.put(c.id(), RequestFindings.REJECTED));
    discovery.decideCandidates(reference, rejections, Map.of(), "officer");
  }

  public static List<String> recipients(MimeMessage message) {
    try {
      return java.util.Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public EmbeddedMailServer mailServer() {
    return mail;
  }
}
