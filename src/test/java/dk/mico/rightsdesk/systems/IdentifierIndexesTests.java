package dk.mico.rightsdesk.systems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** At start, a warning names every declared identifier column that leads no index in its database. */
@ExtendWith(OutputCaptureExtension.class)
class IdentifierIndexesTests {

  @Test
  void warnsForEachIdentifierColumnThatLeadsNoIndex(CapturedOutput output) {
    try (var company = new TestCompany()) {
      company.sql.sql("CREATE INDEX contact_person_email ON contact_person (email)").update();
      // an index whose first column is another serves no search by the e-mail address
      company.sql.sql("CREATE INDEX subscriber_id_email ON subscriber (id, email)").update();
      var indexes = new IdentifierIndexes(TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", company.url)),
          company.dataSources);

      assertThat(indexes.check()).extracting(u -> u.system() + " " + u.table() + "." + u.column())
          .containsExactly("case-management contact_person.phone", "case-management invoice.contact_email",
              "courses participant.mail", "newsletter subscriber.email");
      assertThat(output).contains("Company system case-management: identifier column contact_person.phone (phone) "
              + "has no index in its database; a lookup by it reads the whole table (docs/operations.md)")
          .doesNotContain("contact_person.email");
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
