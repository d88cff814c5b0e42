package dk.mico.rightsdesk.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.support.TestPostgres;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** At start, a warning names every declared identifier column that no index of its database serves. */
@ExtendWith(OutputCaptureExtension.class)
class IdentifierIndexesTests {

  /** Where the PostgreSQL case runs (trust auth, in a schema of its own); skipped when nothing answers there. */
  @Test
  void warnsForEachIdentifierColumnThatLeadsNoIndex(CapturedOutput output) {
    try (var company = new TestCompany()) {
      company.sql.sql("CREATE INDEX contact_person_email ON contact_person (email)").update();
      // an index whose first column is another serves no search by the e-mail address
      company.sql.sql("CREATE INDEX subscriber_id_email ON subscriber (id, email)").update();
      // nor does an index on the name serve the search for its words (LIKE '%anna%hansen%'): on H2 none can
      company.sql.sql("CREATE INDEX participant_name ON participant (name)").update();
      var indexes = new IdentifierIndexes(TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", company.url)),
          company.dataSources);

      assertThat(indexes.check()).extracting(u -> u.system() + " " + u.table() + "." + u.column())
          .containsExactly("case-management contact_person.phone", "case-management contact_person.full_name",
              "case-management invoice.contact_email", "courses participant.mail", "courses participant.name",
              "newsletter subscriber.email");
      assertThat(output).contains("Company system case-management: identifier column contact_person.phone (phone) "
              + "has no index in its database; a lookup by it reads the whole table (docs/operations.md)")
          .contains("Company system courses: identifier column participant.name (name) is searched with "
              + "LIKE '%...%', which no index of its database serves (PostgreSQL's pg_trgm would); a lookup by it "
              + "reads the whole table (docs/operations.md)")
          .doesNotContain("contact_person.email");
    }
  }

  @Test
  void onPostgreSqlThePlannerSaysWhetherALookupConditionReadsAnIndexAndTheWarningGivesIt(CapturedOutput output)
      throws SQLException {
    assumeTrue(TestPostgres.reachable(), TestPostgres.absent());
    String schema = "index_check_" + Long.toHexString(System.nanoTime());
    TestPostgres.admin("CREATE SCHEMA " + schema);
    // public too: pg_trgm's operator classes are there if the database has the extension already
    try (var company = new TestCompany(TestPostgres.URL + "?currentSchema=" + schema + ",public", TestPostgres.USER)) {
      // installed in this schema, and dropped with it, unless the database has it already
      company.sql.sql("CREATE EXTENSION IF NOT EXISTS pg_trgm").update();
      company.sql.sql("CREATE INDEX ON contact_person (LOWER(TRIM(email)))").update();
      company.sql.sql("CREATE INDEX ON contact_person USING gin (LOWER(full_name) gin_trgm_ops)").update();
      // an index on the column serves no search by an expression over it
      company.sql.sql("CREATE INDEX ON contact_person (phone)").update();
      company.sql.sql("CREATE INDEX ON participant (mail)").update();
      // trigrams of the name as stored do not serve the search of the lower-cased name; a B-tree serves no LIKE '%..%'
      company.sql.sql("CREATE INDEX ON participant USING gin (name gin_trgm_ops)").update();
      company.sql.sql("CREATE INDEX ON participant (LOWER(name))").update();
      var indexes = new IdentifierIndexes(TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", company.url)
          .replace("username: sa", "username: " + TestPostgres.USER)), company.dataSources);

      var unindexed = indexes.check();

      assertThat(unindexed).extracting(u -> u.system() + " " + u.table() + "." + u.column() + ": " + u.index())
          .containsExactly(
              "case-management contact_person.phone: CREATE INDEX ON contact_person ("
                  + RecordTable.strippedPhone("phone") + ")",
              "case-management invoice.contact_email: CREATE INDEX ON invoice (LOWER(TRIM(contact_email)))",
              "courses participant.mail: CREATE INDEX ON participant (LOWER(TRIM(mail)))",
              "courses participant.name: CREATE INDEX ON participant USING gin (LOWER(name) gin_trgm_ops)",
              "newsletter subscriber.email: CREATE INDEX ON subscriber (LOWER(TRIM(email)))");
      assertThat(output).contains("Company system courses: identifier column participant.name (name) has no trigram "
          + "index in its database (pg_trgm), and only that serves its search, LIKE '%...%'; a lookup by it reads the "
          + "whole table (docs/operations.md). The index it wants: CREATE INDEX ON participant USING gin "
          + "(LOWER(name) gin_trgm_ops)");

      unindexed.forEach(u -> company.sql.sql(u.index()).update());
      assertThat(indexes.check()).isEmpty();
    } finally {
      TestPostgres.admin("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  @Test
  void aDatabaseThatCannotBeReadIsNamedAndStopsNothing(CapturedOutput output) {
    var company = new TestCompany();
    company.close();
    var properties = TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", company.url + ";IFEXISTS=TRUE"));

    try (var dataSources = new CompanyDataSources(properties)) {
      assertThat(new IdentifierIndexes(properties, dataSources).check()).isEmpty();
      assertThat(output).contains("Could not read the indexes of company system case-management");
    }
  }


}
