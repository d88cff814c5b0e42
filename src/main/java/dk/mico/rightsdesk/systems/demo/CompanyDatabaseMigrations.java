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
  /** What only one database can say its own way (the newsletter's suppression guard): db/company-h2, -postgresql. */
  static final String VENDOR_LOCATION = "classpath:db/company-";

  private CompanyDatabaseMigrations() {}

  static String vendor(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return "h2";
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return "postgresql";
    }
    throw new IllegalArgumentException("The demo company database runs on H2 or PostgreSQL");
  }

  /** Flyway for the demo company database at {@code url}; callers may add settings (a schema) before loading it. */
  public static FluentConfiguration configure(String url, String username, String password) {
    return Flyway.configure()
        .dataSource(url, username, password)
        .locations(LOCATION, VENDOR_LOCATION + vendor(url))
        .javaMigrations(new V2__DemoPeople())
        .failOnMissingLocations(true);
  }
}
