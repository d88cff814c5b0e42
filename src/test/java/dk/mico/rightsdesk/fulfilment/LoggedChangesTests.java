package dk.mico.rightsdesk.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.SystemId;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** What the change log keeps with a change made in a company system, in the demo company's systems. */
@RightsDeskSpringTest
class LoggedChangesTests {

  private static final SystemId COURSES = SystemId.of("courses");

  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired LoggedChanges changes;
  @Autowired CompanySystems systems;
  @Autowired RuntimeService runtime;
  @Autowired JdbcClient engineDb;

  @Value("${rightsdesk.company.datasources.company.url}") String companyUrl;

  private JdbcClient company;

  @BeforeEach
  @AfterEach
  void reset() {
    driver.reset();
    company = JdbcClient.create(new DriverManagerDataSource(companyUrl, "sa", ""));
  }

  @Test
  void f4_theRecipientsOfAChangeAreThoseWhoseFilterSelectsTheRecordsItChangedWhateverDiscoveryFound() throws Exception {
    // a participant of a course held at the venue, changed for a request whose discovery never ran: nothing found
    String participant = company.sql("""
        SELECT CAST(MAX(p.id) AS VARCHAR(20)) FROM course_participant p JOIN course c ON c.id = p.course_id
        WHERE c.location = 'Kursuscenter Lyngbakken' AND NOT p.restricted""").query(String.class).single();
    String reference = api.register("""
        {"type": "RESTRICTION", "name": "Ulla Kursist", "email": "ulla.kursist@example.dk", "language": "da",
         "channel": "EMAIL", "receivedAt": "%s", "identityVerified": true, "identityNote": "Known address",
         "details": "Restrict my course record."}""".formatted(TestClock.now().minusSeconds(60)));
    long requestId = engineDb.sql("SELECT id FROM dsr_request WHERE reference = ?").param(reference)
        .query(Long.class).single();
    try {
      changes.carryOut(requestId, COURSES, "officer", "course_participant", List.of(participant),
          () -> systems.restrict(COURSES, "course_participant", List.of(participant)));

      assertThat(engineDb.sql("SELECT received_by FROM request_change WHERE request_id = ?").param(requestId)
          .query(String.class).single()).isEqualTo("course-venue");
    } finally {
      systems.liftRestriction(COURSES, "course_participant", List.of(participant));
      // the processes it called go with it
      runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).rootProcessInstances().list()
          .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done"));
    }
  }
}
