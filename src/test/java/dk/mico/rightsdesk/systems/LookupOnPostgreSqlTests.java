package dk.mico.rightsdesk.systems;

import static dk.mico.rightsdesk.systems.TestCompany.CASES;
import static dk.mico.rightsdesk.systems.TestCompany.COURSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lookup on PostgreSQL with the indexes the start-up check asks for finds what it finds on H2 without them: the
 * indexes narrow where the database reads, never what matches. Skipped when no PostgreSQL answers.
 */
class LookupOnPostgreSqlTests {

  private static final String POSTGRES_URL =
      System.getProperty("rightsdesk.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
  private static final String POSTGRES_USER = "postgres";

  private static final List<Identifiers> WHO = List.of(
      Identifiers.of(" ANNA.hansen@example.dk ", null, null),
      Identifiers.of("nobody@example.dk", "+45 22 33 44 55", null),
      Identifiers.of(null, null, "Anna   Berg hansen"),
      Identifiers.of("anna.hansen@example.dk", "12345678", "Anna Berg Hansen"),
      Identifiers.of(null, null, "Bo Jensen").withGiven("email", "Berg@Example.dk").withGiven("phone", "87 65 43 21"),
      Identifiers.of(null, null, "100% Anna_Berg"));

  @Test
  void findsWithTheIndexesWhatItFindsWithout() throws SQLException {
    assumeTrue(postgresReachable(), "no PostgreSQL at " + POSTGRES_URL + " (user " + POSTGRES_USER + ", trust auth)");
    String schema = "lookup_" + Long.toHexString(System.nanoTime());
    admin("CREATE SCHEMA " + schema);
    try (var h2 = new TestCompany();
        var postgres = new TestCompany(POSTGRES_URL + "?currentSchema=" + schema + ",public", POSTGRES_USER)) {
      postgres.sql.sql("CREATE EXTENSION IF NOT EXISTS pg_trgm").update();
      var indexes = new IdentifierIndexes(TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", postgres.url)
          .replace("username: sa", "username: " + POSTGRES_USER)), postgres.dataSources);
      indexes.check().forEach(unindexed -> postgres.sql.sql(unindexed.index()).update());
      assertThat(indexes.check()).isEmpty();

      for (SystemId system : List.of(CASES, COURSES)) {
        for (Identifiers who : WHO) {
          assertThat(postgres.systems.lookup(system, who)).as(system + " " + who)
              .containsExactlyInAnyOrderElementsOf(h2.systems.lookup(system, who));
        }
      }
      assertThat(WHO.stream().filter(who -> !h2.systems.lookup(CASES, who).isEmpty())).hasSize(5);
    } finally {
      admin("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static void admin(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  private static boolean postgresReachable() {
    try (Connection ignored = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
