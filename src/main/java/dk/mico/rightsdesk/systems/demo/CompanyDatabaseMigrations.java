package dk.mico.rightsdesk.systems.demo;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The migrations of the demo company database: the schema and the disclosure register as SQL under
 * {@code db/company}, the demo people as {@link V2__DemoPeople}. Kept apart from the application's own migrations
 * ({@code db/migration}), which Spring Boot runs on the engine's database.
 */
public final class CompanyDatabaseMigrations {

  public static final String LOCATION = "classpath:db/company";

  private CompanyDatabaseMigrations() {}

  /** Flyway for the demo company database at {@code url}; callers may add settings (a schema) before loading it. */
  public static FluentConfiguration configure(String url, String username, String password) {
    return Flyway.configure()
        .dataSource(url, username, password)
        .locations(LOCATION)
        .javaMigrations(new V2__DemoPeople())
        .failOnMissingLocations(true);
  }
}
