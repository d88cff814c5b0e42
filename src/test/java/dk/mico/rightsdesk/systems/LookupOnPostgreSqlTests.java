package dk.mico.rightsdesk.systems;

import static dk.mico.rightsdesk.systems.TestCompany.CASES;
import static dk.mico.rightsdesk.systems.TestCompany.COURSES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.support.TestPostgres;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lookup on PostgreSQL with the indexes the start-up check asks for finds what it finds on H2 without them: the
 * indexes narrow where the database reads, never what matches. Skipped when no PostgreSQL answers.
 */
class LookupOnPostgreSqlTests {

  private static final List<Identifiers> WHO = List.of(
      Identifiers.of(" ANNA.hansen@example.dk ", null, null),
      Identifiers.of("nobody@example.dk", "+45 22 33 44 55", null),
      Identifiers.of(null, null, "Anna   Berg hansen"),
      Identifiers.of("anna.hansen@example.dk", "12345678", "Anna Berg Hansen"),
      Identifiers.of(null, null, "Bo Jensen").withGiven("email", "Berg@Example.dk").withGiven("phone", "87 65 43 21"),
      Identifiers.of(null, null, "100% Anna_Berg"));

  @Test
  void findsWithTheIndexesWhatItFindsWithout() throws SQLException {
    assumeTrue(TestPostgres.reachable(), TestPostgres.absent());
    String schema = "lookup_" + Long.toHexString(System.nanoTime());
    TestPostgres.admin("CREATE SCHEMA " + schema);
    try (var h2 = new TestCompany();
        var postgres = new TestCompany(TestPostgres.URL + "?currentSchema=" + schema + ",public", TestPostgres.USER)) {
      postgres.sql.sql("CREATE EXTENSION IF NOT EXISTS pg_trgm").update();
      var indexes = new IdentifierIndexes(TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", postgres.url)
          .replace("username: sa", "username: " + TestPostgres.USER)), postgres.dataSources);
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
      TestPostgres.admin("DROP SCHEMA " + schema + " CASCADE");
    }
  }


}
