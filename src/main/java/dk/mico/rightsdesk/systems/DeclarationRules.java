package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.Datasource;
import dk.mico.rightsdesk.systems.CompanyProperties.EraseMode;
import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.Suppression;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every declaration of the company's systems must follow (docs/company-systems.md). All problems are
 * collected, then thrown together, each naming {@code rightsdesk.company.systems[<id>].<field>}. Table and column
 * names must be plain SQL identifiers: they are the only text that goes into SQL, so a declaration can never inject
 * any.
 */
final class DeclarationRules {

  static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern GROUP_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*");
  private static final String PREFIX = "rightsdesk.company.";

  private final List<String> problems = new ArrayList<>();

  private DeclarationRules() {}

  static void check(Map<String, Datasource> datasources, List<SystemDeclaration> systems) {
    List<String> problems = problems(datasources, systems);
    if (!problems.isEmpty()) {
      throw new InvalidDeclarationException(problems);
    }
  }

  static List<String> problems(Map<String, Datasource> datasources, List<SystemDeclaration> systems) {
    var rules = new DeclarationRules();
    datasources.forEach(rules::checkDatasource);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < systems.size(); i++) {
      SystemDeclaration system = systems.get(i);
      if (system == null) {
        continue;
      }
      String path = PREFIX + "systems[" + label(system.id(), i) + "]";
      if (isBlank(system.id())) {
        rules.add(path + ".id is missing");
      } else if (!SystemId.FORMAT.matcher(system.id()).matches()) {
        rules.add(path + ".id must be lower-case letters, digits and hyphens");
      } else if (!ids.add(system.id())) {
        rules.add(path + ".id is declared more than once");
      }
      rules.checkSystem(path, system, datasources);
    }
    return List.copyOf(rules.problems);
  }

  private void checkDatasource(String name, Datasource datasource) {
    if (datasource == null || isBlank(datasource.url())) {
      add(PREFIX + "datasources[" + name + "].url is missing");
    }
  }

  private void checkSystem(String path, SystemDeclaration system, Map<String, Datasource> datasources) {
    required(path, "name", system.name());
    required(path, "activity", system.activity());
    required(path, "legal-basis", system.legalBasis());
    required(path, "retention", system.retention());
    if (system.ownerGroup() != null && !GROUP_ID.matcher(system.ownerGroup()).matches()) {
      add(path + ".owner-group is not a group id (letters, digits and hyphens)");
    }
    for (String recipient : system.recipients()) {
      if (recipient == null || !SystemId.FORMAT.matcher(recipient).matches()) {
        add(path + ".recipients must be ids of lower-case letters, digits and hyphens");
        break;
      }
    }
    Access access = Access.parse(system.access()).orElse(null);
    if (access == null) {
      add(path + ".access must be jdbc or manual");
      return;
    }
    if (access == Access.MANUAL) {
      required(path, "owner-group", system.ownerGroup());
      if (!system.records().isEmpty()) {
        add(path + ".records must be empty for a manual system (its owner group looks the person up)");
      }
      if (system.suppression() != null) {
        add(path + ".suppression needs access: jdbc");
      }
      return;
    }
    if (isBlank(system.datasource())) {
      add(path + ".datasource is missing (a jdbc system names one of rightsdesk.company.datasources)");
    } else if (!datasources.containsKey(system.datasource())) {
      add(path + ".datasource names '" + system.datasource() + "', which is not under rightsdesk.company.datasources");
    }
    if (system.records().isEmpty()) {
      add(path + ".records needs at least one entry for a jdbc system");
    }
    Set<String> tables = new HashSet<>();
    for (int i = 0; i < system.records().size(); i++) {
      RecordDeclaration record = system.records().get(i);
      if (record == null) {
        continue;
      }
      String recordPath = path + ".records[" + label(identifierOrNull(record.table()), i) + "]";
      if (record.table() != null && !tables.add(record.table().toLowerCase(Locale.ROOT))) {
        add(recordPath + ".table is declared more than once in this system");
      }
      checkRecord(recordPath, record);
    }
    checkSuppression(path + ".suppression", system.suppression());
  }

  private void checkRecord(String path, RecordDeclaration record) {
    requiredIdentifier(path, "table", record.table());
    requiredIdentifier(path, "id-column", record.idColumn());
    optionalIdentifier(path, "person-name", record.personName());
    if (isBlank(record.identifiers().email()) && isBlank(record.identifiers().phone())) {
      add(path + ".identifiers needs at least one of email, phone");
    }
    optionalIdentifier(path, "identifiers.email", record.identifiers().email());
    optionalIdentifier(path, "identifiers.phone", record.identifiers().phone());
    if (record.categories().isEmpty() || record.categories().stream().anyMatch(DeclarationRules::isBlank)) {
      add(path + ".categories needs at least one data category, none blank");
    }
    optionalIdentifier(path, "legal-basis-column", record.legalBasisColumn());
    optionalIdentifier(path, "source-column", record.sourceColumn());
    optionalIdentifier(path, "portable-column", record.portableColumn());
    optionalIdentifier(path, "restrict-column", record.restrictColumn());
    optionalIdentifier(path, "marketing-column", record.marketingColumn());
    if (record.exportColumns().isEmpty()) {
      add(path + ".export-columns needs at least one column (what an access request shows)");
    }
    identifiers(path, "export-columns", record.exportColumns());
    identifiers(path, "rectify-columns", record.rectifyColumns());
    identifiers(path, "anonymise", List.copyOf(record.anonymise().keySet()));
    if (record.idColumn() != null) {
      if (record.anonymise().keySet().stream().anyMatch(record.idColumn()::equalsIgnoreCase)) {
        add(path + ".anonymise must not overwrite the id-column");
      }
      if (record.rectifyColumns().stream().anyMatch(record.idColumn()::equalsIgnoreCase)) {
        add(path + ".rectify-columns must not include the id-column");
      }
    }
    EraseMode erase = EraseMode.parse(record.erase()).orElse(null);
    if (erase == null) {
      add(path + ".erase must be delete, anonymise or keep");
    } else if (erase == EraseMode.ANONYMISE && record.anonymise().isEmpty()) {
      add(path + ".anonymise is missing (erase: anonymise needs the columns and their new values)");
    } else if (erase != EraseMode.ANONYMISE && !record.anonymise().isEmpty()) {
      add(path + ".anonymise is declared but erase is not anonymise");
    }
    if (record.consentOnly() && erase == EraseMode.KEEP) {
      add(path + ".erase must be delete or anonymise for consent-only records (they go when consent is withdrawn)");
    }
    if (record.retention() != null) {
      checkRetention(path + ".retention", record.retention());
    }
    optionalIdentifier(path, "withdrawn-column", record.withdrawnColumn());
    if (!isBlank(record.withdrawnColumn()) && (!record.consentOnly() || erase != EraseMode.ANONYMISE)) {
      add(path + ".withdrawn-column is for consent-only records erased by anonymise (the consent log stays as proof)");
    }
    if (!isBlank(record.marketingColumn()) && isBlank(record.identifiers().email())) {
      add(path + ".marketing-column needs identifiers.email (marketing stops by address)");
    }
  }

  private void checkSuppression(String path, Suppression suppression) {
    if (suppression == null) {
      return;
    }
    requiredIdentifier(path, "table", suppression.table());
    requiredIdentifier(path, "hash-column", suppression.hashColumn());
    optionalIdentifier(path, "created-column", suppression.createdColumn());
  }

  private void required(String path, String field, String value) {
    if (isBlank(value)) {
      add(path + "." + field + " is missing");
    }
  }

  private void checkRetention(String path, CompanyProperties.Retention retention) {
    requiredIdentifier(path, "from", retention.from());
    try {
      if (isBlank(retention.period()) || java.time.Period.parse(retention.period().trim()).isNegative()) {
        add(path + ".period must be an ISO-8601 period such as P5Y");
      }
    } catch (java.time.format.DateTimeParseException e) {
      add(path + ".period must be an ISO-8601 period such as P5Y");
    }
    if (isBlank(retention.law())) {
      add(path + ".law must name the law that sets the period (the letter cites it)");
    }
  }

  private void requiredIdentifier(String path, String field, String value) {
    if (isBlank(value)) {
      add(path + "." + field + " is missing");
    } else {
      optionalIdentifier(path, field, value);
    }
  }

  private void optionalIdentifier(String path, String field, String value) {
    if (value != null && !value.isEmpty() && !SQL_IDENTIFIER.matcher(value).matches()) {
      add(path + "." + field + " must be a plain SQL identifier ([A-Za-z_][A-Za-z0-9_]*)");
    }
  }

  private void identifiers(String path, String field, List<String> values) {
    if (values.stream().anyMatch(v -> v == null || !SQL_IDENTIFIER.matcher(v).matches())) {
      add(path + "." + field + " must list plain SQL identifiers ([A-Za-z_][A-Za-z0-9_]*)");
    }
  }

  private void add(String problem) {
    problems.add(problem);
  }

  /** A declaration is named by its id where it has a usable one, else by its position. */
  private static String label(String id, int index) {
    return id == null || id.isBlank() || !LABEL.matcher(id).matches() ? String.valueOf(index) : id;
  }

  private static String identifierOrNull(String table) {
    return table != null && SQL_IDENTIFIER.matcher(table).matches() ? table : null;
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
