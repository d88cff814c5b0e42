package dk.mico.rightsdesk.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Each rule of docs/company-systems.md refuses a wrong declaration with a message naming system and field. */
class CompanyPropertiesTests {

  private static final String SYSTEM = "rightsdesk.company.systems[0].";
  private static final String RECORD = SYSTEM + "records[0].";

  private final Map<String, String> declaration = new LinkedHashMap<>(Map.ofEntries(
      Map.entry("rightsdesk.company.datasources.company.url", "jdbc:h2:mem:unused"),
      Map.entry(SYSTEM + "id", "case-management"),
      Map.entry(SYSTEM + "name.da", "Sagsstyring"),
      Map.entry(SYSTEM + "name.en", "Case management"),
      Map.entry(SYSTEM + "owner-group", "gdpr-officer"),
      Map.entry(SYSTEM + "access", "jdbc"),
      Map.entry(SYSTEM + "datasource", "company"),
      Map.entry(SYSTEM + "activity.da", "Kontaktpersoner"),
      Map.entry(SYSTEM + "activity.en", "Contact persons"),
      Map.entry(SYSTEM + "data-subjects.da", "Kontaktpersoner hos kunder"),
      Map.entry(SYSTEM + "data-subjects.en", "Contact persons at customers"),
      Map.entry(SYSTEM + "legal-basis", "6(1)(b)"),
      Map.entry(SYSTEM + "retention.da", "5 år"),
      Map.entry(SYSTEM + "retention.en", "5 years"),
      Map.entry(SYSTEM + "backup-retention", "P35D"),
      Map.entry(RECORD + "table", "contact_person"),
      Map.entry(RECORD + "id-column", "id"),
      Map.entry(RECORD + "identifiers.email", "email"),
      Map.entry(RECORD + "categories.da[0]", "e-mailadresse"),
      Map.entry(RECORD + "categories.en[0]", "e-mail address"),
      Map.entry(RECORD + "export-columns[0]", "email"),
      Map.entry(RECORD + "labels.email.da", "E-mailadresse"),
      Map.entry(RECORD + "labels.email.en", "E-mail address"),
      Map.entry(RECORD + "erase", "delete")));

  private CompanyProperties bind() {
    return new Binder(new MapConfigurationPropertySource(declaration))
        .bindOrCreate("rightsdesk.company", CompanyProperties.class);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertRefused() {
    Throwable failure = catchThrowable(this::bind);
    assertThat(failure).isInstanceOf(BindException.class).hasRootCauseInstanceOf(InvalidDeclarationException.class);
    return assertThat(failure).rootCause();
  }

  @Test
  void acceptsAWellFormedDeclaration() {
    CompanyProperties properties = bind();

    assertThat(properties.systems()).singleElement().satisfies(system -> {
      assertThat(system.systemId()).isEqualTo(SystemId.of("case-management"));
      assertThat(system.records().get(0).eraseMode()).isEqualTo(CompanyProperties.EraseMode.DELETE);
    });
  }

  @Test
  void acceptsNoDeclarationsAtAll() {
    declaration.clear();

    assertThat(bind().systems()).isEmpty();
    assertThat(bind().datasources()).isEmpty();
  }

  @Test
  void acceptsTheTestCompanysYaml() {
    CompanyProperties properties = TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", "jdbc:h2:mem:unused"));

    assertThat(properties.systems()).hasSize(4);
    assertThat(properties.systems().get(1).records().get(0).anonymise())
        .containsExactly(Map.entry("name", "[slettet]"), Map.entry("mail", ""));
  }

  @Test
  void boundsEveryQueryByDefaultWellUnderTheJobLock() {
    assertThat(bind().queryTimeoutSeconds()).isEqualTo(5);

    declaration.put("rightsdesk.company.query-timeout", "2500ms");
    assertThat(bind().queryTimeoutSeconds()).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "500ms", "-1s"})
  void refusesAQueryTimeoutUnderOneSecond(String timeout) {
    declaration.put("rightsdesk.company.query-timeout", timeout);

    assertRefused().hasMessageContaining("rightsdesk.company.query-timeout must be at least 1s");
  }

  @Test
  void readsAThousandRowsAStatementByDefault() {
    assertThat(bind().pageSize()).isEqualTo(1_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-5"})
  void refusesAPageSizeUnderOne(String pageSize) {
    declaration.put("rightsdesk.company.page-size", pageSize);

    assertRefused().hasMessageContaining("rightsdesk.company.page-size must be at least 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Case-Management", "case_management", "case management", "-case", "case--management"})
  void refusesAMalformedId(String id) {
    declaration.put(SYSTEM + "id", id);

    assertRefused().hasMessageContaining("].id must be lower-case letters, digits and hyphens");
  }

  @Test
  void refusesAMissingId() {
    declaration.remove(SYSTEM + "id");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[0].id is missing");
  }

  @Test
  void refusesTheSameIdTwice() {
    Map<String, String> copy = new LinkedHashMap<>();
    declaration.forEach((key, value) -> copy.put(key.replace("systems[0]", "systems[1]"), value));
    declaration.putAll(copy);

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].id is declared more than once");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "activity", "data-subjects", "retention"})
  void refusesAMissingRequiredField(String field) {
    declaration.remove(SYSTEM + field + ".da");
    declaration.remove(SYSTEM + field + ".en");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management]." + field + " is missing");
  }

  @Test
  void f35_readsTheBackupRetentionAsAPeriod() {
    declaration.put(SYSTEM + "backup-retention", "P90D");

    assertThat(bind().systems().get(0).backupRetentionPeriod()).isEqualTo(Period.ofDays(90));
  }

  @Test
  void f35_refusesASystemWithoutBackupRetention() {
    declaration.remove(SYSTEM + "backup-retention");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].backup-retention is missing (an ISO-8601 period such as P35D)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"35 days", "35", "-P35D", "PT12H"})
  void f35_refusesABackupRetentionThatIsNoPeriod(String value) {
    declaration.put(SYSTEM + "backup-retention", value);

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].backup-retention must be an ISO-8601 period such as P35D");
  }

  @Test
  void refusesAMissingLegalBasis() {
    declaration.remove(SYSTEM + "legal-basis");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].legal-basis is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "activity", "data-subjects", "retention"})
  void f5_refusesASubjectFacingFieldWithoutItsDanishText(String field) {
    declaration.remove(SYSTEM + field + ".da");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management]." + field + ".da is missing: " + field + " has no Danish text");
  }

  @Test
  void f5_refusesAPurposeOrSourceWithOnlyOneLanguage() {
    declaration.put(SYSTEM + "purpose.da", "At levere ydelserne");
    declaration.put(SYSTEM + "source.da", "Din arbejdsgiver");

    assertRefused()
        .hasMessageContaining("systems[case-management].purpose.en is missing: purpose has no English text")
        .hasMessageContaining("systems[case-management].source.en is missing: source has no English text");
  }

  @Test
  void f5_refusesCategoriesWithoutTheirEnglishNames() {
    declaration.remove(RECORD + "categories.en[0]");

    assertRefused().hasMessageContaining(
        "records[contact_person].categories.en needs at least one data category, none blank (English)");
  }

  @Test
  void f7_refusesAnExportColumnWithoutALabel() {
    declaration.put(RECORD + "export-columns[1]", "phone");
    declaration.put(RECORD + "labels.email.da", "");

    assertRefused()
        .hasMessageContaining("records[contact_person].labels.phone is missing (every export column has a label")
        .hasMessageContaining("records[contact_person].labels.email.da is missing: labels.email has no Danish text");
  }

  @Test
  void f5_aReaderGetsOnlyTheirLanguage() {
    CompanyProperties.SystemDeclaration system = bind().systems().get(0);
    CompanyProperties.RecordDeclaration record = system.records().get(0);

    assertThat(system.name(java.util.Locale.forLanguageTag("da"))).isEqualTo("Sagsstyring");
    assertThat(system.name(java.util.Locale.ENGLISH)).isEqualTo("Case management");
    assertThat(system.staffName()).isEqualTo("Sagsstyring");
    assertThat(record.categories(java.util.Locale.ENGLISH)).containsExactly("e-mail address");
    assertThat(record.label("EMAIL", java.util.Locale.forLanguageTag("da"))).isEqualTo("E-mailadresse");
  }

  @Test
  void refusesAnUnknownAccess() {
    declaration.put(SYSTEM + "access", "ldap");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].access must be jdbc or manual");
  }

  @Test
  void refusesAJdbcSystemWithoutADeclaredDatasource() {
    declaration.put(SYSTEM + "datasource", "crm");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].datasource names 'crm', which is not under");
    declaration.remove(SYSTEM + "datasource");
    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].datasource is missing");
  }

  @Test
  void refusesAJdbcSystemWithoutRecords() {
    declaration.keySet().removeIf(key -> key.startsWith(SYSTEM + "records"));

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].records needs at least one");
  }

  @Test
  void refusesAManualSystemWithRecords() {
    declaration.put(SYSTEM + "access", "manual");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].records must be empty for a manual system");
  }

  @Test
  void refusesAManualSystemWithoutOwnerGroup() {
    declaration.keySet().removeIf(key -> key.startsWith(SYSTEM + "records"));
    declaration.put(SYSTEM + "access", "manual");
    declaration.remove(SYSTEM + "owner-group");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].owner-group is missing");
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "id-column"})
  void refusesARecordWithoutTableOrIdColumn(String field) {
    declaration.remove(RECORD + field);

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].records[")
        .hasMessageContaining("]." + field + " is missing");
  }

  @Test
  void refusesARecordWithoutIdentifiers() {
    declaration.remove(RECORD + "identifiers.email");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].records[contact_person].identifiers needs at least one");
  }

  @ParameterizedTest
  @ValueSource(strings = {"table", "id-column", "identifiers.email", "identifiers.phone", "person-name",
      "legal-basis-column", "source-column", "portable-column", "restrict-column", "marketing-column"})
  void refusesAColumnOrTableThatIsNotAPlainIdentifier(String field) {
    declaration.put(RECORD + field, "email; DROP TABLE contact_person");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].records[")
        .hasMessageContaining("]." + field + " must be a plain SQL identifier");
  }

  @ParameterizedTest
  @ValueSource(strings = {"export-columns[1]", "rectify-columns[0]"})
  void refusesListedColumnsThatAreNotPlainIdentifiers(String field) {
    declaration.put(RECORD + field, "email, (SELECT password FROM users)");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].records[contact_person]." + field.replaceAll("\\[\\d]", "")
            + " must list plain SQL identifiers");
  }

  @Test
  void refusesAnAnonymisedColumnThatIsNotAPlainIdentifier() {
    declaration.put(RECORD + "erase", "anonymise");
    declaration.put(RECORD + "anonymise[email\"--]", "x");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].records[contact_person].anonymise must list plain SQL");
  }

  @Test
  void f34_refusesAnAnonymisationThatKeepsAPersonalColumnWithoutSayingWhy() {
    declaration.put(RECORD + "erase", "anonymise");
    declaration.put(RECORD + "person-name", "full_name");
    declaration.put(RECORD + "anonymise.email", "");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].records[contact_person]"
        + ".anonymise keeps full_name without saying why");

    declaration.put(RECORD + "anonymise-keeps.full_name", "");
    assertRefused().hasMessageContaining(".anonymise-keeps.full_name needs the reason it is kept");

    declaration.put(RECORD + "anonymise-keeps.full_name", "the name of the company's own signatory, not the subject");
    assertThat(bind().systems().get(0).records().get(0).anonymiseKeeps()).containsKey("full_name");
  }

  @Test
  void refusesAnonymiseWithoutItsColumns() {
    declaration.put(RECORD + "erase", "anonymise");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].records[contact_person].anonymise is missing");
  }

  @Test
  void refusesAnUnknownEraseMode() {
    declaration.put(RECORD + "erase", "shred");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].records[contact_person].erase must be delete, anonymise or keep");
  }

  @Test
  void f19_refusesAKeptTableThatNamesNoLawAndPeriod() {
    declaration.put(RECORD + "erase", "keep");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].records[contact_person]"
        + ".retention is missing: a table kept on erasure");

    declaration.put(RECORD + "retention.from", "created_on");
    declaration.put(RECORD + "retention.period", "P5Y");
    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].records[contact_person].retention.law must name the law");

    declaration.put(RECORD + "retention.law.da", "bogføringsloven § 12, stk. 1");
    declaration.put(RECORD + "retention.law.en", "the Danish Bookkeeping Act, section 12(1)");
    assertThat(bind().systems().get(0).records().get(0).hasRetention()).isTrue();
  }

  @Test
  void f19_aTableWithoutAnEraseModeIsKeptAndNeedsItsLawToo() {
    declaration.remove(RECORD + "erase");

    assertRefused().hasMessageContaining("records[contact_person].retention is missing");
  }

  @Test
  void refusesAConsentOnlyRecordThatIsKept() {
    declaration.put(RECORD + "erase", "keep");
    declaration.put(RECORD + "consent-only", "true");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].records[contact_person].erase must be delete or anonymise");
  }

  @Test
  void f24_refusesAWithdrawnColumnOnARecordThatIsNotAnAnonymisedConsentLog() {
    declaration.put(RECORD + "withdrawn-column", "withdrawn_at");

    assertRefused().hasMessageContaining("rightsdesk.company.systems[case-management].records[contact_person]"
        + ".withdrawn-column is for consent-only records erased by anonymise");
  }

  @Test
  void refusesARecordWithoutCategoriesOrExportColumns() {
    declaration.remove(RECORD + "categories.da[0]");
    declaration.remove(RECORD + "categories.en[0]");
    declaration.remove(RECORD + "export-columns[0]");

    assertRefused()
        .hasMessageContaining("records[contact_person].categories.da needs at least one data category")
        .hasMessageContaining("records[contact_person].export-columns needs at least one column");
  }

  @Test
  void refusesASuppressionTableThatIsNotAPlainIdentifier() {
    declaration.put(SYSTEM + "suppression.table", "suppression;--");
    declaration.put(SYSTEM + "suppression.hash-column", "email_sha256");

    assertRefused().hasMessageContaining(
        "rightsdesk.company.systems[case-management].suppression.table must be a plain SQL identifier");
  }

  @Test
  void listsEveryProblemAtOnce() {
    declaration.remove(SYSTEM + "name.da");
    declaration.remove(SYSTEM + "name.en");
    declaration.put(RECORD + "erase", "shred");
    declaration.remove("rightsdesk.company.datasources.company.url");
    declaration.put("rightsdesk.company.datasources.company.username", "sa");

    Throwable failure = catchThrowable(this::bind);
    assertThat(failure).rootCause().isInstanceOf(InvalidDeclarationException.class);
    InvalidDeclarationException invalid = findInvalid(failure);
    assertThat(invalid.problems()).containsExactly(
        "rightsdesk.company.datasources[company].url is missing",
        "rightsdesk.company.systems[case-management].name is missing (a Danish text under da and an English text under"
            + " en)",
        "rightsdesk.company.systems[case-management].records[contact_person].erase must be delete, anonymise or keep");
    assertThat(invalid.getMessage()).contains(invalid.problems().get(0), invalid.problems().get(2));
  }

  private static InvalidDeclarationException findInvalid(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InvalidDeclarationException invalid) {
        return invalid;
      }
    }
    throw new AssertionError("no InvalidDeclarationException in " + List.of(failure));
  }
}
