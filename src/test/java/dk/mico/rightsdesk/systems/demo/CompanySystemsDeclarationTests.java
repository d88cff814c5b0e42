package dk.mico.rightsdesk.systems.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * config/company-systems.yaml fits the demo database: every table and column it names exists, every table with a
 * restricted flag is declared, and its disclosure register is the database's.
 */
@SuppressWarnings("unchecked")
class CompanySystemsDeclarationTests {

  private static CompanyDb db;
  private static Map<String, Object> company;
  private static List<Map<String, Object>> systems;

  @BeforeAll
  static void load() throws IOException {
    db = CompanyDb.freshH2();
    try (InputStream in = CompanySystemsDeclarationTests.class.getResourceAsStream("/config/company-systems.yaml")) {
      Map<String, Object> root = new Yaml().load(in);
      company = (Map<String, Object>) ((Map<String, Object>) root.get("rightsdesk")).get("company");
    }
    systems = (List<Map<String, Object>>) company.get("systems");
  }

  @Test
  void declaresMicosSystemsWithTheirLegalBases() {
    Map<String, String> bases = new LinkedHashMap<>();
    for (Map<String, Object> system : systems) {
      bases.put((String) system.get("id"), (String) system.get("legal-basis"));
      for (String field : List.of("name", "activity", "legal-basis", "retention", "access", "owner-group")) {
        assertThat(system.get(field)).as(system.get("id") + "." + field).isNotNull();
      }
    }
    assertThat(bases).containsExactly(Map.entry("case-management", "6(1)(b)"), Map.entry("courses", "6(1)(b)"),
        Map.entry("course-evaluations", "6(1)(f)"), Map.entry("newsletter", "6(1)(a)"),
        Map.entry("cookies", "6(1)(a)"), Map.entry("accounting", "6(1)(c)"), Map.entry("email-archive", "6(1)(f)"));
  }

  @Test
  void f35_declaresHowLongEachSystemsBackupsAreKept() {
    Map<String, Object> backups = new LinkedHashMap<>();
    systems.forEach(system -> backups.put((String) system.get("id"), system.get("backup-retention")));

    assertThat(backups).containsExactly(Map.entry("case-management", "P35D"), Map.entry("courses", "P35D"),
        Map.entry("course-evaluations", "P35D"), Map.entry("newsletter", "P35D"), Map.entry("cookies", "P35D"),
        Map.entry("accounting", "P35D"), Map.entry("email-archive", "P90D"));
  }

  @Test
  void everyTableAndColumnItNamesExists() throws SQLException {
    for (Map<String, Object> system : systems) {
      String id = (String) system.get("id");
      if ("manual".equals(system.get("access"))) {
        assertThat(system).as(id).doesNotContainKeys("records", "datasource");
        assertThat(system.get("owner-group")).isEqualTo("gdpr-officer");
        continue;
      }
      assertThat(system.get("datasource")).as(id).isEqualTo("company");
      for (Map<String, Object> record : (List<Map<String, Object>>) system.get("records")) {
        String table = (String) record.get("table");
        List<String> columns = new ArrayList<>();
        columns.add((String) record.get("id-column"));
        ((Map<String, Object>) record.get("identifiers")).forEach((kind, column) -> {
          if (column instanceof Map<?, ?> other) { // identifiers.other: kind -> column
            other.values().forEach(c -> columns.add((String) c));
          } else {
            columns.add((String) column);
          }
        });
        for (String key : List.of("person-name", "legal-basis-column", "source-column", "portable-column",
            "restrict-column", "marketing-column")) {
          if (record.containsKey(key)) {
            columns.add((String) record.get(key));
          }
        }
        for (String key : List.of("export-columns", "rectify-columns")) {
          if (record.containsKey(key)) {
            columns.addAll((List<String>) record.get(key));
          }
        }
        if ("anonymise".equals(record.get("erase"))) {
          columns.addAll(((Map<String, Object>) record.get("anonymise")).keySet());
        }
        assertThat(record.get("erase")).as(id + "." + table).isIn("delete", "anonymise", "keep");
        db.query("select " + String.join(", ", columns) + " from " + table + " where 1 = 0");
      }
      if (system.containsKey("suppression")) {
        Map<String, String> suppression = (Map<String, String>) system.get("suppression");
        db.query("select " + suppression.get("hash-column") + ", " + suppression.get("created-column") + " from "
            + suppression.get("table") + " where 1 = 0");
      }
    }
  }

  @Test
  void everyTableWithARestrictedFlagIsDeclared() throws SQLException {
    Set<String> declared = new HashSet<>();
    for (Map<String, Object> system : systems) {
      for (Map<String, Object> record : (List<Map<String, Object>>) system.getOrDefault("records", List.of())) {
        declared.add((String) record.get("table"));
        assertThat(record.get("restrict-column")).as((String) record.get("table")).isEqualTo("restricted");
      }
    }
    Set<String> flagged = new HashSet<>(db.strings("select lower(table_name) from information_schema.columns "
        + "where lower(column_name) = 'restricted' and lower(table_schema) = 'public'"));

    assertThat(declared).isEqualTo(flagged);
  }

  @Test
  void theNewsletterIsConsentOnlyWithASuppressionListAndInvoicesAreKept() {
    Map<String, Object> newsletter = system("newsletter");
    assertThat(records(newsletter).get(0).get("consent-only")).isEqualTo(true);
    assertThat((Map<String, Object>) newsletter.get("suppression")).containsEntry("table", "newsletter_suppression");
    Map<String, Object> accounting = system("accounting");
    // kept for the bookkeeping act's 5 years from the end of the financial year; the contact goes after that
    Map<String, Object> invoice = records(accounting).get(0);
    assertThat(invoice.get("erase")).isEqualTo("anonymise");
    assertThat((Map<String, Object>) invoice.get("retention")).containsEntry("from", "financial_year_end")
        .containsEntry("period", "P5Y");
    assertThat((Map<String, String>) accounting.get("retention"))
        .hasEntrySatisfying("da", text -> assertThat(text).contains("5 år", "regnskabsår", "slettes"))
        .hasEntrySatisfying("en", text -> assertThat(text).contains("5 years", "financial year", "erased"));
  }

  @Test
  void theDisclosureRegisterIsTheDatabasesRegister() throws SQLException {
    List<Map<String, Object>> recipients = (List<Map<String, Object>>) company.get("recipients");
    Set<String> declaredPairs = new HashSet<>();
    for (Map<String, Object> system : systems) {
      for (String recipient : (List<String>) system.get("recipients")) {
        declaredPairs.add(recipient + " -> " + system.get("id"));
      }
    }
    Set<String> registerPairs = new HashSet<>(db.strings(
        "select recipient_id || ' -> ' || system_id from disclosure_recipient"));
    assertThat(declaredPairs).isEqualTo(registerPairs);

    for (Map<String, Object> recipient : recipients) {
      List<List<Object>> rows = db.query("select distinct name, role, dpa_reference, notice_contact "
          + "from disclosure_recipient where recipient_id = ?", recipient.get("id"));
      assertThat(rows).as((String) recipient.get("id")).containsExactly(Arrays.asList(recipient.get("name"),
          recipient.get("role"), recipient.get("dpa-reference"), recipient.get("notice-contact")));
    }
  }

  private static Map<String, Object> system(String id) {
    return systems.stream().filter(s -> id.equals(s.get("id"))).findFirst().orElseThrow();
  }

  private static List<Map<String, Object>> records(Map<String, Object> system) {
    return (List<Map<String, Object>>) system.get("records");
  }
}
