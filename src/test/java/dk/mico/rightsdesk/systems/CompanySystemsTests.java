package dk.mico.rightsdesk.systems;

import static dk.mico.rightsdesk.systems.TestCompany.CASES;
import static dk.mico.rightsdesk.systems.TestCompany.COURSES;
import static dk.mico.rightsdesk.systems.TestCompany.NEWSLETTER;
import static dk.mico.rightsdesk.systems.TestCompany.PAPER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dk.mico.rightsdesk.system.SecretTokens;
import dk.mico.rightsdesk.systems.SystemChange.Action;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lookups and actions over the JDBC systems of a small test company. */
class CompanySystemsTests {

  private final TestCompany company = new TestCompany();
  private final CompanySystems systems = company.systems;

  @AfterEach
  void closeCompany() {
    company.close();
  }

  // ---- the registry

  @Test
  void knowsEveryDeclaredSystemInOrder() {
    assertThat(systems.systems()).extracting(CompanyProperties.SystemDeclaration::id)
        .containsExactly("case-management", "courses", "newsletter", "paper-archive");
    assertThat(systems.system(PAPER).accessMode()).isEqualTo(CompanyProperties.Access.MANUAL);
    assertThatThrownBy(() -> systems.system(SystemId.of("crm"))).hasMessage("system crm is not declared");
  }

  @Test
  void aConsentIsDeclaredByEverySystemHoldingDataOnlyOnConsent() {
    assertThat(systems.consents()).extracting(Consent::id, c -> c.label(java.util.Locale.ENGLISH), Consent::marketing)
        .containsExactly(tuple("newsletter", "Newsletter", true));
  }

  @Test
  void aManualSystemIsNotLookedUpByJdbc() {
    assertThatThrownBy(() -> systems.lookup(PAPER, Identifiers.of("anna.hansen@example.dk", null, null)))
        .isInstanceOf(ActionRefusedException.class);
  }

  // ---- lookup

  @Test
  void findsRecordsByTheVerifiedAddressWhateverItsCase() {
    List<Finding> findings = systems.lookup(CASES, Identifiers.of(" ANNA.hansen@example.dk ", null, null));

    assertThat(findings).extracting(Finding::table, Finding::recordId, Finding::matchedBy)
        .containsExactlyInAnyOrder(tuple("contact_person", "1", MatchedBy.EMAIL), tuple("invoice", "10",
            MatchedBy.EMAIL));
    assertThat(systems.lookup(COURSES, Identifiers.of("anna.hansen@example.dk", null, null)))
        .extracting(Finding::recordId, Finding::categories)
        .containsExactly(tuple("P-1", List.of("navn", "e-mail", "fremmøde")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"22334455", "+45 22 33 44 55", "0045 2233 4455", "4522334455", "22-33-44-55"})
  void findsRecordsByTheVerifiedPhoneInAnyFormat(String phone) {
    assertThat(systems.lookup(CASES, Identifiers.of("nobody@example.dk", phone, null)))
        .extracting(Finding::recordId, Finding::matchedBy)
        .containsExactly(tuple("3", MatchedBy.PHONE));
  }

  @Test
  void aPhoneNumberTooShortToIdentifyAnyoneMatchesNothing() {
    assertThat(systems.lookup(CASES, Identifiers.of(null, "55", null))).isEmpty();
  }

  @Test
  void flagsRecordsThatMatchByNameAloneAndKeepsThemApart() {
    List<Finding> findings =
        systems.lookup(CASES, Identifiers.of("anna.hansen@example.dk", null, "Anna   Berg hansen"));

    assertThat(findings).extracting(Finding::table, Finding::recordId, Finding::matchedBy)
        .containsExactlyInAnyOrder(
            tuple("contact_person", "1", MatchedBy.EMAIL),
            tuple("contact_person", "2", MatchedBy.NAME_ONLY),
            tuple("invoice", "10", MatchedBy.EMAIL));
    assertThat(findings).filteredOn(f -> !f.verified()).extracting(Finding::recordId).containsExactly("2");
  }

  @Test
  void aRecordMatchedByAVerifiedIdentifierIsNotAlsoReportedByName() {
    assertThat(systems.lookup(CASES, Identifiers.of("anna.hansen@example.dk", "12345678", "Anna Berg Hansen")))
        .filteredOn(f -> f.recordId().equals("1"))
        .extracting(Finding::matchedBy)
        .containsExactly(MatchedBy.EMAIL);
  }

  @Test
  void takesLegalBasisAndSourceFromTheRecordWhereItHasThem() {
    List<Finding> findings = systems.lookup(CASES, Identifiers.of(null, null, "Anna Berg Hansen"));

    assertThat(findings).extracting(Finding::recordId, Finding::legalBasis, Finding::source, Finding::portable)
        .containsExactlyInAnyOrder(
            tuple("1", "6(1)(b)", null, true),
            tuple("2", "6(1)(f)", "Her employer", false));
    assertThat(systems.lookup(CASES, Identifiers.of("anna.hansen@example.dk", null, null)))
        .filteredOn(f -> f.table().equals("invoice"))
        .extracting(Finding::portable, Finding::restricted, Finding::consentOnly)
        .containsExactly(tuple(null, false, false));
  }

  // ---- export

  @Test
  void exportsTheDeclaredColumnsInDeclaredOrder() {
    List<ExportedRecord> records = systems.export(CASES, "contact_person", List.of("3", "1", "999"));

    assertThat(records).extracting(ExportedRecord::recordId).containsExactly("3", "1");
    assertThat(records.get(1).columns()).containsExactly(
        Map.entry("full_name", "Anna Berg Hansen"),
        Map.entry("email", "Anna.Hansen@Example.DK"),
        Map.entry("phone", "+45 12 34 56 78"),
        Map.entry("title", "CTO"));
    assertThat(systems.export(CASES, "invoice", List.of("10")).get(0).columns())
        .containsExactly(Map.entry("contact_email", "anna.hansen@example.dk"),
            Map.entry("amount", new BigDecimal("1250.00")), Map.entry("issued_on", LocalDate.of(2024, 3, 1)));
    assertThat(records.get(1).toString()).doesNotContain("Anna");
  }

  @Test
  void exportsMoreRecordsThanOneStatementListsInStatementsOfAtMostAChunkOfIds() {
    List<String> asked = invoices(1_201);
    company.sql.sql("SET QUERY_STATISTICS TRUE").update();

    List<ExportedRecord> records = systems.export(CASES, "invoice", asked);

    assertThat(records).extracting(ExportedRecord::recordId)
        .containsExactlyElementsOf(asked.stream().filter(id -> !id.equals("999")).toList());
    assertThat(idListsSent("invoice")).as("ids per statement, and how many such statements")
        .containsOnly(Map.entry(RecordTable.IDS_PER_STATEMENT, 2L), Map.entry(202, 1L));
  }

  @Test
  void readsTheRetentionDatesOfMoreRecordsThanOneStatementListsInChunks() {
    List<String> asked = invoices(1_201);
    company.sql.sql("SET QUERY_STATISTICS TRUE").update();

    assertThat(systems.keptUntil(CASES, "invoice", asked)).hasSize(1_201);
    assertThat(idListsSent("invoice").keySet()).allSatisfy(
        ids -> assertThat(ids).isLessThanOrEqualTo(RecordTable.IDS_PER_STATEMENT));
  }

  @Test
  void readsEveryPersonNameAPageOfRowsAtATimeInTheOrderOfTheIds() {
    List<List<String>> pages = new ArrayList<>();

    systems.personNames(pages::add); // the test company's page-size is 2

    assertThat(pages).extracting(List::size).containsExactly(2, 2, 1, 2);
    assertThat(pages.stream().flatMap(List::stream)).containsExactly("Anna Berg Hansen", " anna  berg   HANSEN ",
        "Bo Jensen", "Anna Berg", "Anna Berg Hansenius", "Anna Berg Hansen", "Bo Jensen");
  }

  /** Invoice ids 10 (the test company's) and 1,001 onwards, with an id that does not exist, newest first. */
  private List<String> invoices(int count) {
    for (int i = 1; i < count; i++) {
      company.sql.sql("INSERT INTO invoice VALUES (?, 'many@example.dk', 10.00, DATE '2024-03-01')")
          .param(1_000 + i).update();
    }
    List<String> ids = new ArrayList<>(List.of("999", "10"));
    for (int i = 1; i < count; i++) {
      ids.add(0, Integer.toString(1_000 + i));
    }
    return ids;
  }

  /** The size of each id list the statements on a table carried since statistics began, with how often it went. */
  private Map<Integer, Long> idListsSent(String table) {
    Map<Integer, Long> sent = new TreeMap<>();
    company.sql.sql("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
            + "WHERE SQL_STATEMENT LIKE ? AND SQL_STATEMENT LIKE '% IN (%'")
        .param("% FROM " + table + " %")
        .query((rs, n) -> Map.entry((int) rs.getString(1).chars().filter(c -> c == '?').count(), rs.getLong(2)))
        .list()
        .forEach(e -> sent.merge(e.getKey(), e.getValue(), Long::sum));
    return sent;
  }

  // ---- erasure

  @Test
  void eraseDeletesWhereDeclaredAndTwiceChangesNothingMore() {
    SystemChange change = systems.erase(CASES, "contact_person", List.of("1", "3"));

    assertThat(change).isEqualTo(new SystemChange(CASES, "contact_person", List.of("1", "3"),
        List.of("navn", "e-mail", "telefon", "stilling"), List.of(), Action.DELETED));
    assertThat(ids("contact_person", "id")).containsExactly("2", "4", "5");
    assertThat(systems.erase(CASES, "contact_person", List.of("1", "3")).changedAnything()).isFalse();
    assertThat(ids("contact_person", "id")).containsExactly("2", "4", "5");
  }

  @Test
  void eraseAnonymisesWhereDeclaredAndTwiceChangesNothingMore() {
    SystemChange change = systems.erase(COURSES, "participant", List.of("P-1"));

    assertThat(change.action()).isEqualTo(Action.ANONYMISED);
    assertThat(change.recordIds()).containsExactly("P-1");
    assertThat(change.columns()).containsExactly("name", "mail");
    assertThat(company.sql.sql("SELECT name, mail, attended FROM participant WHERE code = 'P-1'").query().singleRow())
        .containsEntry("NAME", "[slettet]").containsEntry("MAIL", null).containsEntry("ATTENDED", true);
    assertThat(systems.erase(COURSES, "participant", List.of("P-1")).changedAnything()).isFalse();
  }

  @Test
  void eraseIsRefusedWhereTheTableIsKept() {
    assertThatThrownBy(() -> systems.erase(CASES, "invoice", List.of("10")))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessage("system case-management declares table invoice erase: keep");
    assertThat(ids("invoice", "id")).containsExactly("10");
  }

  @Test
  void anUndeclaredTableIsRefused() {
    assertThatThrownBy(() -> systems.erase(CASES, "participant", List.of("P-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("system case-management declares no table participant");
  }

  @Test
  void consentOnlyErasureErasesOnlyConsentOnlyRecords() {
    SystemChange change = systems.eraseConsentOnly(NEWSLETTER, "subscriber", List.of("1"));

    assertThat(change.recordIds()).containsExactly("1");
    assertThat(ids("subscriber", "id")).containsExactly("2");
    assertThat(systems.eraseConsentOnly(NEWSLETTER, "subscriber", List.of("1")).changedAnything()).isFalse();
    assertThatThrownBy(() -> systems.eraseConsentOnly(CASES, "contact_person", List.of("1")))
        .isInstanceOf(ActionRefusedException.class);
    assertThat(ids("contact_person", "id")).contains("1");
  }

  // ---- restriction and rectification

  @Test
  void restrictsAndLiftsTheRestrictionEachOnce() {
    assertThat(systems.restrict(CASES, "contact_person", List.of("1")).recordIds()).containsExactly("1");
    assertThat(systems.restrict(CASES, "contact_person", List.of("1")).changedAnything()).isFalse();
    assertThat(systems.lookup(CASES, Identifiers.of("anna.hansen@example.dk", null, null)))
        .filteredOn(f -> f.table().equals("contact_person")).extracting(Finding::restricted).containsExactly(true);

    SystemChange lifted = systems.liftRestriction(CASES, "contact_person", List.of("1", "2"));
    assertThat(lifted.recordIds()).containsExactly("1");
    assertThat(lifted.action()).isEqualTo(Action.RESTRICTION_LIFTED);
    assertThat(systems.liftRestriction(CASES, "contact_person", List.of("1")).changedAnything()).isFalse();
  }

  @Test
  void restrictionNeedsARestrictColumn() {
    assertThatThrownBy(() -> systems.restrict(CASES, "invoice", List.of("10")))
        .isInstanceOf(ActionRefusedException.class);
  }

  @Test
  void rectifiesOnlyDeclaredColumnsAndOnlyOnce() {
    SystemChange change = systems.rectify(CASES, "contact_person", "1", "TITLE", "CIO");

    assertThat(change.columns()).containsExactly("title");
    assertThat(change.recordIds()).containsExactly("1");
    assertThat(company.sql.sql("SELECT title FROM contact_person WHERE id = 1").query(String.class).single())
        .isEqualTo("CIO");
    assertThat(systems.rectify(CASES, "contact_person", "1", "title", "CIO").changedAnything()).isFalse();
    assertThatThrownBy(() -> systems.rectify(CASES, "contact_person", "1", "email", "x@example.dk"))
        .isInstanceOf(ActionRefusedException.class)
        .hasMessageNotContaining("x@example.dk");
  }

  // ---- marketing

  @Test
  void stopsMarketingToAnAddressOnce() {
    Map<String, List<String>> records = systems.marketingRecords(CASES, "Bo@Example.dk");
    assertThat(records).containsExactly(Map.entry("contact_person", List.of("3")));
    SystemChange change = systems.stopMarketing(CASES, "contact_person", records.get("contact_person"));

    assertThat(change).extracting(SystemChange::table, SystemChange::recordIds, SystemChange::action)
        .containsExactly("contact_person", List.of("3"), Action.MARKETING_STOPPED);
    assertThat(company.sql.sql("SELECT marketing_consent FROM contact_person WHERE id = 3").query(Boolean.class)
        .single()).isFalse();
    assertThat(systems.marketingRecords(CASES, "bo@example.dk")).as("nothing left to stop").isEmpty();
    assertThat(company.sql.sql("SELECT marketing_consent FROM contact_person WHERE id = 1").query(Boolean.class)
        .single()).isTrue();
  }

  @Test
  void suppressesAnAddressOnceAsTheHashOfItsLowerCase() {
    assertThat(systems.isSuppressed("anna.hansen@example.dk")).isFalse();

    assertThat(systems.suppress("Anna.Hansen@Example.DK")).isTrue();
    assertThat(systems.suppress("anna.hansen@example.dk")).isFalse();

    assertThat(systems.isSuppressed("ANNA.HANSEN@EXAMPLE.DK")).isTrue();
    assertThat(systems.isSuppressed("bo@example.dk")).isFalse();
    assertThat(company.sql.sql("SELECT email_sha256 FROM newsletter_suppression").query(String.class).list())
        .containsExactly(SecretTokens.hash("anna.hansen@example.dk"));
  }

  private List<String> ids(String table, String idColumn) {
    return company.sql.sql("SELECT " + idColumn + " FROM " + table + " ORDER BY " + idColumn)
        .query((rs, n) -> rs.getString(1))
        .list();
  }
}
