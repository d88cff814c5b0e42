package dk.mico.rightsdesk.systems.demo;

import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The demo and test profiles bring their own company database (the demo company's systems, with its demo people):
 * at start, Flyway migrates the {@code company} datasource of {@code rightsdesk.company.datasources}.
 *
 * <p>No Spring {@code DataSource} is made for it: the engine's stays the only one Spring Boot and Camunda see. The
 * connections the company's systems are searched through belong to the code that reads the declarations.
 */
@Configuration(proxyBeanMethods = false)
@Profile({"demo", "test"})
public class DemoCompanyDatabaseConfig {

  static final String PREFIX = "rightsdesk.company.datasources.company";

  private static final Logger log = LoggerFactory.getLogger(DemoCompanyDatabaseConfig.class);

  @Bean
  DemoCompanyDatabase demoCompanyDatabase(Environment environment) {
    Binder binder = Binder.get(environment);
    String url = binder.bind(PREFIX + ".url", String.class).orElseThrow(() -> new IllegalStateException(
        PREFIX + ".url is not set: the demo and test profiles import config/company-systems.yaml, which sets it"));
    String username = binder.bind(PREFIX + ".username", String.class).orElse("sa");
    String password = binder.bind(PREFIX + ".password", String.class).orElse("");
    MigrateResult result = CompanyDatabaseMigrations.configure(url, username, password).load().migrate();
    log.info("Demo company database {}: {} migration(s) applied, now at version {}", url,
        result.migrationsExecuted, result.targetSchemaVersion == null ? "(unchanged)" : result.targetSchemaVersion);
    return new DemoCompanyDatabase(url, result.migrationsExecuted);
  }

  /** The demo company database as migrated at start: where it is, and how many migrations this start applied. */
  public record DemoCompanyDatabase(String url, int migrationsApplied) {}
}
