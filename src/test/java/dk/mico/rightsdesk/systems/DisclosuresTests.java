package dk.mico.rightsdesk.systems;

import static dk.mico.rightsdesk.systems.TestCompany.CASES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.mico.rightsdesk.systems.DisclosureRegister.Recipient;
import dk.mico.rightsdesk.systems.DisclosureRegister.RecordFilter;
import dk.mico.rightsdesk.systems.DisclosureRegister.Reference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which recipients received which of a person's records (Art 19, F4), over the small test company. */
class DisclosuresTests {

  private final TestCompany company = new TestCompany();

  @AfterEach
  void closeCompany() {
    company.close();
  }

  private static Recipient recipient(String received, List<RecordFilter> filter) {
    return new Recipient("hosting-provider", "Driftshuset ApS", "recipient", List.of("name"), null,
        "drift@example.dk", "da", received, filter);
  }

  private Disclosures disclosures(Recipient recipient) {
    return new Disclosures(company.systems, company.dataSources, new DisclosureRegister(List.of(recipient)));
  }

  @Test
  void f4_aRecordFilterSelectsOnlyItsRecordsAndMustBeAskedBeforeTheErasure() {
    Recipient chiefs = recipient("record-filter",
        List.of(new RecordFilter("case-management", "contact_person", "title", null, List.of("CTO", "CEO"))));
    Disclosures disclosures = disclosures(chiefs);

    Map<String, Set<String>> before = disclosures.filteredRecipients(CASES, "contact_person", List.of("1", "2"));
    assertThat(before).containsOnlyKeys("1").containsEntry("1", Set.of("hosting-provider"));
    assertThat(disclosures.received(chiefs, CASES, "contact_person", List.of("1"), before.get("1"))).isTrue();
    assertThat(disclosures.received(chiefs, CASES, "contact_person", List.of("2"), Set.of()))
        .as("the clerk's record was never received").isFalse();

    company.systems.erase(CASES, "contact_person", List.of("1"));
    assertThat(disclosures.filteredRecipients(CASES, "contact_person", List.of("1")))
        .as("an erased record can no longer be filtered").isEmpty();
  }

  @Test
  void f4_aRecordFilterCanFollowTheRecordsReferenceToAnotherRow() {
    company.sql.sql("CREATE TABLE job_title (code VARCHAR(20) PRIMARY KEY, grade VARCHAR(20))").update();
    company.sql.sql("INSERT INTO job_title VALUES ('CTO', 'board'), ('Clerk', 'staff')").update();
    Recipient board = recipient("record-filter", List.of(new RecordFilter("case-management", "contact_person",
        "title", new Reference("job_title", "code", "grade"), List.of("board"))));

    assertThat(disclosures(board).filteredRecipients(CASES, "contact_person", List.of("1", "2")))
        .containsOnlyKeys("1");
  }

  @Test
  void aRecipientWithADisclosureLogReceivedOnlyTheLoggedRecords() {
    company.sql.sql("CREATE TABLE disclosure_log (recipient_id VARCHAR(60), system_id VARCHAR(60), "
        + "table_name VARCHAR(60), record_id VARCHAR(60), disclosed_at TIMESTAMP)").update();
    company.sql.sql("INSERT INTO disclosure_log VALUES ('hosting-provider', 'case-management', 'contact_person', "
        + "'2', TIMESTAMP '2026-01-05 09:00:00')").update();
    Recipient logged = recipient("disclosure-log", null);
    Disclosures disclosures = disclosures(logged);

    assertThat(disclosures.received(logged, CASES, "contact_person", List.of("2"), Set.of())).isTrue();
    assertThat(disclosures.received(logged, CASES, "contact_person", List.of("1"), Set.of())).isFalse();
  }

  @Test
  void f4_aRecordFilterIsDeclaredForReceivedRecordFilterOnlyAndNamesPlainColumns() {
    assertThatThrownBy(() -> recipient("record-filter", null)).hasMessageContaining("record-filter is needed");
    RecordFilter filter = new RecordFilter("case-management", "contact_person", "title", null, List.of("CTO"));
    assertThatThrownBy(() -> recipient("every-record", List.of(filter))).hasMessageContaining("only there");
    assertThatThrownBy(() -> new RecordFilter("case-management", "contact_person", "title; DROP TABLE x", null,
        List.of("CTO"))).hasMessageContaining("column must be a plain SQL identifier");
    assertThatThrownBy(() -> new RecordFilter("case-management", "contact_person", "title", null, List.of()))
        .hasMessageContaining("values are missing");
  }
}
