package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.notification.StaffNotices;
import dk.mico.rightsdesk.request.NewRequest;
import dk.mico.rightsdesk.request.RequestIntake;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The production database: the engine's schema, the application's migrations, a request's whole life and
 * management's daily list of stuck requests on a real PostgreSQL (a fresh database on the local server, dropped
 * afterwards).
 */
@ExtendWith(PostgresIT.DropDatabaseAfterTheApplication.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"test", "postgres"})
@Import({TestDriver.class, OfficerApi.class})
@DirtiesContext
class PostgresIT {

  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");
  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String USER = System.getenv().getOrDefault("PGUSER", "postgres");
  private static final String DATABASE = "rightsdesk_it_" + UUID.randomUUID().toString().replace("-", "");
  private static final boolean AVAILABLE = createDatabase();

  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired ProcessEngine engine;
  @Autowired MockMvc mvc;
  @Autowired RequestIntake intake;
  @Autowired JdbcClient jdbc;
  @Autowired StaffNotices notices;
  @Autowired DeadlineWatch watch;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    // without a server the context still starts (on H2), so that the tests can say why they are skipped
    registry.add("spring.datasource.url", () -> AVAILABLE ? SERVER + DATABASE : "jdbc:h2:mem:no-postgres");
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
  }

  @BeforeEach
  void reset() {
    assumeTrue(AVAILABLE, "a PostgreSQL server on 127.0.0.1:5432 (trust auth) is needed");
    driver.reset();
  }

  @Test
  void requestLivesItsWholeLifeOnPostgres() throws Exception {
    assertThat(engine.getProcessEngineConfiguration().getDatabaseType()).isEqualTo("postgres");
    String email = "pg.person@example.dk";
    String reference = api.submitPublic("""
        {"type": "ACCESS", "name": "Pia Gade", "email": "%s", "language": "da"}""".formatted(email));
    driver.runDueJobs();
    String token = TestDriver.linkToken(driver.onlyMailTo(email, "Bekræft"), "confirm");
    assertThat(token).hasSize(43);
    JsonNode view = api.view(reference);
    assertThat(view.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
    assertThat(view.path("letters").size()).isEqualTo(2);
    assertThat(view.path("history").findValuesAsText("step")).contains("RECEIVED", "LETTER_SENT");
  }

  @Test
  void startFormRegistrationWorksOnPostgres() {
    var definition = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("DataSubjectRequestProcess").latestVersion().singleResult();
    engine.getIdentityService().setAuthentication("officer", List.of("gdpr-officer"));
    try {
      var instance = engine.getFormService().submitStartForm(definition.getId(), new java.util.HashMap<>(Map.of(
          "type", "ERASURE", "channel", "LETTER", "receivedDate", "2026-11-02", "receivedTime", "09:00",
          "name", "Per Gade", "postalAddress", "Nørregade 1, 1165 København K", "identityVerified", true,
          "identityNote", "Signed letter")));
      assertThat(instance.getBusinessKey()).matches("DSR-2026-\\d{5}");
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void intakesOnManyThreadsGetReferencesFromTheYearsSequenceWithoutADuplicate() throws Exception {
    int threads = 6;
    int perThread = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<String>>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(() -> {
          List<String> references = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            references.add(intake.submitByPublic(NewRequest.fromPublic("ACCESS", null, "Pia Gade",
                "pg.thread" + thread + "." + i + "@example.dk", null, "da", null, null, null)).reference());
          }
          return references;
        });
      }
      List<String> references = new ArrayList<>();
      for (Future<List<String>> result : pool.invokeAll(work)) {
        references.addAll(result.get());
      }
      int year = Integer.parseInt(references.get(0).substring(4, 8));
      assertThat(references).hasSize(threads * perThread).doesNotHaveDuplicates()
          .allMatch(reference -> reference.matches("DSR-" + year + "-\\d{5}"));
      long lastTaken = jdbc.sql("SELECT last_value FROM reference_" + year).query(Long.class).single();
      assertThat(references).contains("DSR-%d-%05d".formatted(year, lastTaken));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aNulByteIsRefusedBeforePostgresSeesIt() throws Exception {
    // PostgreSQL text cannot hold U+0000: the database would fail the insert with a 500
    mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("""
            {"type": "ACCESS", "name": "Pia\\u0000Gade", "email": "pg.nul@example.dk", "details": "a\\u0000b"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "details")));
  }

  @Test
  void anEmailAddressOutsideAsciiIsRefused() throws Exception {
    mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("""
            {"type": "ACCESS", "name": "Pia Gade", "email": "pia@gåde.dk"}"""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("email")));
  }

  @Test
  void theStuckListIsReadAndSentOnPostgres() throws Exception {
    String reference = api.submitPublic("""
        {"type": "ERASURE", "name": "Pia Gade", "email": "pg.stuck@example.dk", "language": "da"}""");
    String process = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("DataSubjectRequestProcess").singleResult().getId();
    ManagementService management = engine.getManagementService();
    Job job = management.createJobQuery().processInstanceId(process).list().get(0);
    management.setJobRetries(job.getId(), 0);
    try {
      // the first office day after the start, at nine: after the notice time
      ZonedDateTime morning = TestClock.now().atZone(COPENHAGEN).toLocalDate().atTime(9, 0).atZone(COPENHAGEN);
      do {
        morning = morning.plusDays(1);
      } while (!watch.dailyNoticeDue(morning.toInstant()));
      driver.setTime(Date.from(morning.toInstant()));
      notices.stuckRequests();
      driver.deliverMail();
      String body = TestDriver.body(driver.onlyMailTo("management@mico.dk", "Stuck: "));
      assertThat(body).contains(reference + " (ERASURE, deadline in force ", "incident at ").doesNotContain("Pia");
    } finally {
      management.setJobRetries(job.getId(), 1);
      driver.reset();
      driver.runDueJobs();
    }
  }

  /**
   * Drops the database once the application has let go of it: dropped under a running context, its pool and engine
   * fail noisily when the JVM exits. Registered before Spring's extension, so it runs after Spring has closed the
   * context (@DirtiesContext).
   */
  static class DropDatabaseAfterTheApplication implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
      if (!AVAILABLE) {
        return;
      }
      try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
        admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
      } catch (SQLException e) {
        // leaving a test database behind is not worth failing the build over
      }
    }
  }

  private static boolean createDatabase() {
    try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "")) {
      admin.createStatement().execute("CREATE DATABASE " + DATABASE);
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
