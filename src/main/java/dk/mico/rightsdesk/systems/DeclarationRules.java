package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.Datasource;
import dk.mico.rightsdesk.systems.CompanyProperties.EraseMode;
import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.Suppression;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.Text;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
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
  /** The languages of letters and pages: every text a subject reads is declared in each. */
  private static final List<String> LANGUAGES = List.of("da", "en");

  private final List<String> problems = new ArrayList<>();

  private DeclarationRules() {}

  static void check(Map<String, Datasource> datasources, List<SystemDeclaration> systems, Duration queryTimeout,
      int pageSize) {
    List<String> problems = new ArrayList<>(problems(datasources, systems));
    if (queryTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      // JDBC counts a statement's timeout in whole seconds, and 0 would mean none at all
      problems.add(PREFIX + "query-timeout must be at least 1s");
    }
    if (pageSize < 1) {
      problems.add(PREFIX + "page-size must be at least 1");
    }
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
    requiredText(path, "name", system.name());
    requiredText(path, "activity", system.activity());
    // the record of processing activities names them (Art 30(1)(c))
    requiredText(path, "data-subjects", system.dataSubjects());
    optionalText(path, "purpose", system.purpose());
    optionalText(path, "source", system.source());
    required(path, "legal-basis", system.legalBasis());
    requiredText(path, "retention", system.retention());
    // erasure letters say until when erased data stays in backups (CEF 2025, F35)
    requiredPeriod(path, "backup-retention", system.backupRetention(), "P35D");
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
    record.identifiers().other().forEach((kind, column) -> {
      if (!SystemId.FORMAT.matcher(kind).matches() || kind.equals("email") || kind.equals("phone")) {
        add(path + ".identifiers.other has a kind that is not lower-case words joined by hyphens, or is email/phone");
      }
      requiredIdentifier(path, "identifiers.other." + kind, column);
    });
    for (String language : LANGUAGES) {
      List<String> categories = record.categories().in(Locale.forLanguageTag(language));
      if (categories.isEmpty() || categories.stream().anyMatch(DeclarationRules::isBlank)) {
        add(path + ".categories." + language + " needs at least one data category, none blank ("
            + languageName(language) + ")");
      }
    }
    if (record.categories().da().size() != record.categories().en().size()) {
      add(path + ".categories must list as many Danish as English categories (the same categories in each)");
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
    for (String column : record.exportColumns()) {
      var label = record.labels().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
          .map(Map.Entry::getValue).findFirst();
      if (label.isEmpty()) {
        add(path + ".labels." + column + " is missing (every export column has a label the subject reads)");
      } else {
        requiredText(path, "labels." + column, label.get());
      }
    }
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
    if (erase == EraseMode.ANONYMISE) {
      checkAnonymisation(path, record);
    } else if (!record.anonymiseKeeps().isEmpty()) {
      add(path + ".anonymise-keeps is declared but erase is not anonymise");
    }
    if (record.consentOnly() && erase == EraseMode.KEEP) {
      add(path + ".erase must be delete or anonymise for consent-only records (they go when consent is withdrawn)");
    }
    if (record.retention() != null) {
      checkRetention(path + ".retention", record.retention());
    } else if (erase == EraseMode.KEEP) {
      // a refusal to erase must give its reason (Art 12(4)): the law that requires the records kept, and until when
      add(path + ".retention is missing: a table kept on erasure (erase: keep, or no erase) must name the law that "
          + "requires it kept and for how long (retention: from, period, law)");
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

  /**
   * An anonymisation is honest only when it says what remains (CEF 2025, F34): every column with the person's data or
   * text about them is overwritten, or kept with the reason in {@code anonymise-keeps}.
   */
  private void checkAnonymisation(String path, RecordDeclaration record) {
    Set<String> overwritten = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    overwritten.addAll(record.anonymise().keySet());
    for (String column : record.personalColumns()) {
      if (!overwritten.contains(column) && record.anonymiseKeeps().keySet().stream().noneMatch(column::equalsIgnoreCase)) {
        add(path + ".anonymise keeps " + column + " without saying why (overwrite it under anonymise, or give the "
            + "reason under anonymise-keeps." + column + ")");
      }
    }
    record.anonymiseKeeps().forEach((column, reason) -> {
      if (overwritten.contains(column)) {
        add(path + ".anonymise-keeps." + column + " is overwritten under anonymise: it cannot be kept too");
      } else if (isBlank(reason)) {
        add(path + ".anonymise-keeps." + column + " needs the reason it is kept");
      }
    });
  }

  private void required(String path, String field, String value) {
    if (isBlank(value)) {
      add(path + "." + field + " is missing");
    }
  }

  /** A text the subject reads must be there in every language letters are written in. */
  private void requiredText(String path, String field, Text text) {
    if (text == null) {
      add(path + "." + field + " is missing (a Danish text under da and an English text under en)");
      return;
    }
    optionalText(path, field, text);
  }

  private void optionalText(String path, String field, Text text) {
    if (text == null) {
      return;
    }
    for (String language : LANGUAGES) {
      if (isBlank(text.in(Locale.forLanguageTag(language)))) {
        add(path + "." + field + "." + language + " is missing: " + field + " has no " + languageName(language)
            + " text");
      }
    }
  }

  private static String languageName(String language) {
    return "da".equals(language) ? "Danish" : "English";
  }

  private void checkRetention(String path, CompanyProperties.Retention retention) {
    requiredIdentifier(path, "from", retention.from());
    if (!isPeriod(retention.period())) {
      add(path + ".period must be an ISO-8601 period such as P5Y");
    }
    if (retention.law() == null) {
      add(path + ".law must name the law that sets the period (the letter cites it)");
    } else {
      requiredText(path, "law", retention.law());
    }
  }

  private void requiredPeriod(String path, String field, String value, String example) {
    if (isBlank(value)) {
      add(path + "." + field + " is missing (an ISO-8601 period such as " + example + ")");
    } else if (!isPeriod(value)) {
      add(path + "." + field + " must be an ISO-8601 period such as " + example);
    }
  }

  private static boolean isPeriod(String value) {
    try {
      return !isBlank(value) && !Period.parse(value.trim()).isNegative();
    } catch (DateTimeParseException e) {
      return false;
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
