package dk.mico.rightsdesk.systems.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.systems.demo.DemoCompanyDatabaseConfig.DemoCompanyDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Which company database each profile uses, and the migration at start. Only the profile files and this
 * configuration are loaded, not the application.
 */
class DemoCompanyDatabaseConfigTests {

  private static final String URL = DemoCompanyDatabaseConfig.PREFIX + ".url";

  @Nested
  @SpringBootTest(classes = DemoCompanyDatabaseConfig.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
  @ActiveProfiles("test")
  class TestProfile {

    @Autowired Environment environment;
    @Autowired DemoCompanyDatabase database;

    @Test
    void migratesTheInMemoryDatabaseAtStart() throws SQLException {
      assertThat(environment.getProperty(URL)).isEqualTo("jdbc:h2:mem:company-test;DB_CLOSE_DELAY=-1");
      assertThat(database.url()).isEqualTo(environment.getProperty(URL));

      CompanyDb db = new CompanyDb(database.url(), "sa", "");
      assertThat(db.count("select count(*) from contact_person")).isPositive();
      assertThat(db.count("select count(*) from \"flyway_schema_history\" where \"success\" = true and \"version\" is not null")).isEqualTo(7);
    }
  }

  @Nested
  @SpringBootTest(classes = NothingElse.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
  @ActiveProfiles("demo")
  class DemoProfile {

    @Autowired Environment environment;

    @Test
    void usesAFileBesideTheEngineDatabase() {
      assertThat(environment.getProperty(URL))
          .isEqualTo("jdbc:h2:file:./data/company;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
      assertThat(environment.getProperty("rightsdesk.company.systems[0].id")).isEqualTo("case-management");
      // the profile still imports its demo users
      assertThat(environment.getProperty("rightsdesk.access.users[0].id")).isEqualTo("officer");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class NothingElse {}
}
