package dk.mico.rightsdesk.systems.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.support.TestPostgres;
import dk.mico.rightsdesk.systems.CompanyDataSources;
import dk.mico.rightsdesk.systems.CompanyProperties;
import dk.mico.rightsdesk.systems.IdentifierIndexes;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The company database's migrations run on a fresh H2 and on PostgreSQL, and give the same rows every time. */
class CompanyDatabaseMigrationTests {

  @Test
  void migratesAFreshH2DatabaseAndASecondRunChangesNothing() throws SQLException {
    CompanyDb db = CompanyDb.freshH2();

    Flyway flyway = CompanyDatabaseMigrations.configure(db.url, db.username, db.password).load();
    assertThat(flyway.info().applied()).extracting(MigrationInfo::getDescription)
        .containsExactly("company schema", "DemoPeople", "disclosure register", "newsletter suppression guard",
            "portability persona", "postal request personas", "disclosure log");
    assertThat(flyway.migrate().migrationsExecuted).isZero();
    flyway.validate();
    for (String table : CompanyDb.TABLES) {
      assertThat(db.count("select count(*) from " + table)).as(table).isPositive();
    }
  }

  @Test
  void theSameSeedGivesTheSameRowsOnEveryRun() throws SQLException {
    String first = CompanyDb.freshH2().contents();
    String second = CompanyDb.freshH2().contents();

    assertThat(second).isEqualTo(first);
    assertThat(first.lines().count()).isGreaterThan(1000);
  }

  @Test
  void migratesPostgreSqlToTheSameRowsAsH2() throws SQLException, IOException {
    assumeTrue(TestPostgres.reachable(),
        TestPostgres.absent() + ": the PostgreSQL run of the company migrations is skipped");
    String schema = "company_test_" + Long.toHexString(System.nanoTime());
    try (Connection admin = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, "");
        Statement statement = admin.createStatement()) {
      statement.execute("create schema " + schema);
    }
    try {
      CompanyDb postgres = new CompanyDb(TestPostgres.URL + "?currentSchema=" + schema, TestPostgres.USER, "");
      CompanyDatabaseMigrations.configure(postgres.url, postgres.username, postgres.password)
          .schemas(schema).load().migrate();

      assertThat(postgres.contents()).isEqualTo(CompanyDb.freshH2().contents());
      // and there, unlike on H2, an index serves every identifier the declarations name (V33)
      CompanyProperties declared = demoDeclarations(postgres);
      try (var dataSources = new CompanyDataSources(declared)) {
        assertThat(new IdentifierIndexes(declared, dataSources).check()).isEmpty();
      }
    } finally {
      try (Connection admin = DriverManager.getConnection(TestPostgres.URL, TestPostgres.USER, "");
          Statement statement = admin.createStatement()) {
        statement.execute("drop schema " + schema + " cascade");
      }
    }
  }

  /** config/company-systems.yaml, its company datasource this database. */
  private static CompanyProperties demoDeclarations(CompanyDb db) throws IOException {
    var yaml = new YamlPropertySourceLoader().load("demo", new ClassPathResource("config/company-systems.yaml"));
    var here = new MapConfigurationPropertySource(Map.of(
        "rightsdesk.company.datasources.company.url", db.url,
        "rightsdesk.company.datasources.company.username", db.username,
        "rightsdesk.company.datasources.company.password", db.password));
    List<ConfigurationPropertySource> sources = new ArrayList<>(List.of(here));
    ConfigurationPropertySources.from(yaml).forEach(sources::add);
    return new Binder(sources).bindOrCreate("rightsdesk.company", CompanyProperties.class);
  }

}
