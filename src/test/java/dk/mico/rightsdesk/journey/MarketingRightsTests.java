package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.fulfilment.MarketingRights;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import dk.mico.rightsdesk.system.SecretTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An objection to direct marketing and a withdrawal of consent, carried out at once in the demo company's systems
 * with no human step (gdpr-rules.md §3), for the personas of docs/demo-company.md.
 */
@RightsDeskSpringTest
class MarketingRightsTests {

  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;
  @Autowired ManagementService management;
  @Autowired MarketingRights rights;
  @Autowired JdbcClient engineDb;
  @Autowired PlatformTransactionManager transactions;

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
  void f2_objectionToDirectMarketingStopsItEverywhereAtOnceAndTheNewsletterProcessorIsTold() throws Exception {
    String email = "mette.sorensen@fjordbyg.example";
    assertThat(newsletterRows(email)).isPositive();
    assertThat(marketingConsents(email)).contains(true);

    String reference = objectToMarketing("Mette Kjærgaard Sørensen", email);
    driver.runDueJobs();

    assertThat(newsletterRows(email)).as("unsubscribed").isZero();
    assertThat(marketingConsents(email)).as("marketing flag in the case system").containsOnly(false);
    assertThat(suppressed(email)).isTrue();
    JsonNode view = api.view(reference);
    assertThat(view.path("findings").findValuesAsText("system")).contains("case-management", "newsletter");
    assertThat(view.path("changes").findValuesAsText("action")).contains("MARKETING_STOPPED", "DELETED",
        "SUPPRESSION_ADDED");
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("FULFILLED");
    String letter = TestDriver.body(driver.onlyMailTo(email, "Svar på din anmodning " + reference));
    assertThat(letter).contains("stoppet al direkte markedsføring", "Sagsstyringssystem", "Nyhedsbrev",
        "spærreliste", "Datatilsynet");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).count())
        .as("no human step, ever").isZero();
    // and the company's newsletter refuses the address from now on
    assertThat(subscribe(email)).as("a suppressed address cannot be subscribed again").isFalse();
    // her subscription is erased: the newsletter processor must stop too (Art 19; 21(3) in effect)
    String notice = TestDriver.body(driver.onlyMailTo("privacy@postbudet.example", reference));
    assertThat(notice).contains("Mette Kjærgaard Sørensen", "DBA-2022-011");
  }

  @Test
  void theAnswerSaysWhatWasDoneEvenWhenAnActionRanASecondTime() throws Exception {
    // stored with capitals in the case system: matching ignores case
    String email = "Mikkel.Aagaard@Kystkonsult.example";
    String reference = objectToMarketing("Mikkel Aagaard", email);
    driver.runDueJobs();
    assertThat(marketingConsents(email)).containsOnly(false);

    // a crash between the company database's commit and the engine's loses the record of the change, and the
    // action, run again, finds nothing left to change
    engineDb.sql("DELETE FROM request_change WHERE request_id = (SELECT id FROM dsr_request WHERE reference = ?)")
        .param(reference).update();
    rights.stopMarketing(reference, "case-management");
    rights.recordAnswer(reference);

    String answer = engineDb.sql("SELECT answer_actions FROM dsr_request WHERE reference = ?").param(reference)
        .query(String.class).single();
    assertThat(answer).contains("Sagsstyringssystem", "markedsføring stoppet").doesNotContain("fandt ingen");
  }

  @Test
  void theChangeLogKeepsAChangeWhoseJobDiedAfterTheCompanyDatabaseCommitted() throws Exception {
    // a contact with marketing consent who is no persona (other tests erase generated people: read at run time)
    String email = company.sql("""
            SELECT LOWER(email) FROM contact_person WHERE marketing_consent AND email IS NOT NULL
              AND LOWER(email) NOT IN """ + PersonalRightsTests.PERSONAS + " ORDER BY id DESC")
        .query(String.class).list().get(0);
    List<String> herContacts = company.sql("SELECT id FROM contact_person WHERE LOWER(email) = ? AND "
        + "marketing_consent ORDER BY id").param(email).query(String.class).list();
    String reference = objectToMarketing("Contact Person", email);

    // the job's first run: the case system commits the change, then the node dies before the engine's transaction
    // (which holds the change log's row) commits
    new TransactionTemplate(transactions).executeWithoutResult(job -> {
      rights.stopMarketing(reference, "case-management");
      job.setRollbackOnly();
    });
    assertThat(marketingConsents(email)).containsOnly(false);
    // the job runs again and finds nothing left to change in the case system
    driver.runDueJobs();

    JsonNode view = api.view(reference);
    List<JsonNode> stopped = new ArrayList<>();
    view.path("changes").forEach(change -> {
      if (change.path("system").asText().equals("case-management")) {
        stopped.add(change);
      }
    });
    assertThat(stopped).as("the change, logged once").hasSize(1);
    assertThat(stopped.get(0).path("action").asText()).isEqualTo("MARKETING_STOPPED");
    List<String> logged = new ArrayList<>();
    stopped.get(0).path("recordIds").forEach(id -> logged.add(id.asText()));
    assertThat(logged).containsExactlyElementsOf(herContacts);
    assertThat(engineDb.sql("SELECT COUNT(*) FROM request_change_in_flight").query(Integer.class).single())
        .as("nothing left in flight").isZero();
  }

  @Test
  void objectionFromSomeoneTheCompanyDoesNotKnowIsAnsweredAndSuppressed() throws Exception {
    String email = "villads.ubekendt@postkassen.example";
    String reference = objectToMarketing("Villads Ubekendt", email);
    driver.runDueJobs();

    assertThat(suppressed(email)).isTrue();
    assertThat(api.view(reference).path("outcome").asText()).isEqualTo("FULFILLED");
    String letter = TestDriver.body(driver.onlyMailTo(email, "Svar på din anmodning " + reference));
    assertThat(letter).contains("fandt ingen markedsføring", "spærreliste");
    assertThat(subscribe(email)).isFalse();
  }

  @Test
  void f2_f24_withdrawalOfConsentErasesWhatWasHeldOnConsentKeepsTheProofAndNotifiesTheProcessors() throws Exception {
    String email = "freja.dahl@minmail.example";
    assertThat(newsletterRows(email)).isPositive();
    assertThat(linkedCookieConsents(email)).isPositive();
    List<Long> herConsents = company.sql("SELECT id FROM cookie_consent WHERE LOWER(signup_email) = ?")
        .param(email).query(Long.class).list();

    String reference = api.submitPublic("""
        {"type": "CONSENT_WITHDRAWAL", "name": "Freja Dahl", "email": "%s", "language": "en"}""".formatted(email));
    driver.runDueJobs();

    assertThat(newsletterRows(email)).isZero();
    assertThat(linkedCookieConsents(email)).as("cookie consent linked by her sign-up").isZero();
    assertThat(suppressed(email)).as("the suppression entry stays").isTrue();
    String letter = TestDriver.body(driver.onlyMailTo(email, "Our answer to your request " + reference));
    assertThat(letter).contains("held only on your consent is erased", "cookie banner", "remains lawful",
        "proof of the consent",
        "You have withdrawn these consents: Newsletter, Website cookie consents.");
    LocalDate goneFromBackups = LocalDate.ofInstant(TestClock.now(), ZoneId.of("Europe/Copenhagen")).plusDays(35);
    assertThat(letter).as("F35: the newsletter's and cookie consents' backups are kept 35 days")
        .contains("Backups: the erased data may remain in our backups until "
            + Wording.date(goneFromBackups, Locale.ENGLISH) + ",");
    assertThat(company.sql("SELECT signup_email IS NULL AND withdrawn_at IS NOT NULL FROM cookie_consent "
            + "WHERE id IN (:ids)").param("ids", herConsents).query(Boolean.class).list())
        .as("the consent log stays as proof, unlinked and marked withdrawn").hasSize(herConsents.size())
        .containsOnly(true);
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
    String newsletterNotice = TestDriver.body(driver.onlyMailTo("privacy@postbudet.example", reference));
    assertThat(newsletterNotice).contains("Freja Dahl", "DBA-2022-011");
    String cookieNotice = TestDriver.body(driver.onlyMailTo("dpo@samtykkeboksen.example", reference));
    assertThat(cookieNotice).contains("Freja Dahl", "DBA-2020-007");
  }

  @Test
  void f25_withdrawingOnlyTheCookieConsentKeepsTheNewsletterAndDoesNotSuppressTheAddress() throws Exception {
    String email = "sofie.lind@minmail.example"; // her own sign-up: the personas' data is erased by other tests
    assertThat(subscribe(email)).isTrue();
    company.sql("INSERT INTO cookie_consent (id, cookie_id, categories, consented_at, signup_email) VALUES ("
            + "(SELECT MAX(id) + 1 FROM cookie_consent), 'f25-cookie', 'necessary,statistics', CURRENT_TIMESTAMP, ?)")
        .param(email).update();
    int subscriptions = newsletterRows(email);
    assertThat(linkedCookieConsents(email)).isPositive();

    String reference = api.submitPublic("""
        {"type": "CONSENT_WITHDRAWAL", "name": "Sofie Lind", "email": "%s", "consents": ["cookies"]}"""
        .formatted(email));
    driver.runDueJobs();

    assertThat(linkedCookieConsents(email)).as("cookie consent linked by her sign-up").isZero();
    assertThat(newsletterRows(email)).as("the newsletter subscription stays").isEqualTo(subscriptions);
    assertThat(suppressed(email)).as("no suppression: she still gets the newsletter").isFalse();
    String letter = TestDriver.body(driver.onlyMailTo(email, "Svar på din anmodning " + reference));
    assertThat(letter).contains("Du har trukket dette samtykke tilbage: Hjemmesidens cookiesamtykker.",
            "Dine øvrige samtykker er uændrede: Nyhedsbrev.", "beviset for samtykket")
        .doesNotContain("spærreliste", "stoppet al direkte markedsføring");
    assertThat(driver.mailTo("privacy@postbudet.example")).as("the newsletter processor has nothing to do").isEmpty();
  }

  @Test
  void aSystemThatIsDownGivesRetriesThenAnIncidentWithTheRequestIntact() throws Exception {
    String email = "jens.oestergaard@postkassen.example";
    company.sql("ALTER TABLE newsletter_subscriber RENAME TO newsletter_subscriber_offline").update();
    String reference;
    try {
      reference = objectToMarketing("Jens Østergaard", email);
      // the request's own process: its fulfilment starts at once and shares the business key
      String processInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .processDefinitionKey("DataSubjectRequestProcess").singleResult().getId();
      // run what is due, again and again later, as the job executor would over the retry schedule
      Instant now = TestClock.now();
      for (int round = 0; round < 12 && incidents(processInstance) == 0; round++) {
        for (Job job : management.createJobQuery().executable().list()) {
          try {
            management.executeJob(job.getId());
          } catch (RuntimeException expected) {
            // the newsletter's database is down
          }
        }
        now = now.plus(Duration.ofHours(7));
        driver.setTime(Date.from(now));
      }
      Incident incident = runtime.createIncidentQuery().processInstanceId(processInstance).singleResult();
      assertThat(incident).as("an incident for Cockpit").isNotNull();
      // the request's process shows it at its fulfilment; the cause is the newsletter's lookup, retried on its own
      assertThat(incident.getActivityId()).isEqualTo("CallActivity_FulfilRequest");
      Incident cause = runtime.createIncidentQuery().incidentId(incident.getRootCauseIncidentId()).singleResult();
      assertThat(cause.getActivityId()).isEqualTo("Task_DiscoverInSystem");
      assertThat(cause.getIncidentMessage()).contains("newsletter").doesNotContain(email);
      assertThat(api.view(reference).path("status").asText()).isEqualTo("IN_PROGRESS");
    } finally {
      company.sql("ALTER TABLE newsletter_subscriber_offline RENAME TO newsletter_subscriber").update();
    }
    management.setJobRetries(failingJob().getId(), 1);
    driver.runDueJobs();
    assertThat(runtime.createIncidentQuery().count()).isZero();
    assertThat(api.view(reference).path("outcome").asText()).isEqualTo("FULFILLED");
    assertThat(newsletterRows(email)).isZero();
  }

  private long incidents(String processInstance) {
    return runtime.createIncidentQuery().processInstanceId(processInstance).count();
  }

  private Job failingJob() {
    return management.createJobQuery().withException().singleResult();
  }

  private String objectToMarketing(String name, String email) throws Exception {
    return api.submitPublic("""
        {"type": "OBJECTION", "objectionScope": "DIRECT_MARKETING", "name": "%s", "email": "%s"}"""
        .formatted(name, email));
  }

  private int newsletterRows(String email) {
    return company.sql("SELECT COUNT(*) FROM newsletter_subscriber WHERE LOWER(email) = ?")
        .param(email.toLowerCase(Locale.ROOT)).query(Integer.class).single();
  }

  private int linkedCookieConsents(String email) {
    return company.sql("SELECT COUNT(*) FROM cookie_consent WHERE LOWER(signup_email) = ?")
        .param(email.toLowerCase(Locale.ROOT)).query(Integer.class).single();
  }

  private java.util.List<Boolean> marketingConsents(String email) {
    return company.sql("SELECT marketing_consent FROM contact_person WHERE LOWER(email) = ?")
        .param(email.toLowerCase(Locale.ROOT)).query(Boolean.class).list();
  }

  private boolean suppressed(String email) {
    return company.sql("SELECT COUNT(*) FROM newsletter_suppression WHERE email_sha256 = ?")
        .param(SecretTokens.hash(email.toLowerCase(Locale.ROOT))).query(Integer.class).single() == 1;
  }

  /** The company's own newsletter sign-up, as its website would do it. */
  private boolean subscribe(String email) {
    try {
      company.sql("INSERT INTO newsletter_subscriber (id, email, full_name, consent_at, consent_source) "
              + "VALUES ((SELECT MAX(id) + 1 FROM newsletter_subscriber), ?, 'Again', CURRENT_TIMESTAMP, 'website')")
          .param(email).update();
      return true;
    } catch (org.springframework.dao.DataAccessException refused) {
      assertThat(refused.getMostSpecificCause().getMessage()).contains("suppression list");
      return false;
    }
  }
}
