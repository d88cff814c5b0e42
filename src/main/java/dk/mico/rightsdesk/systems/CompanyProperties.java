package dk.mico.rightsdesk.systems;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The company's systems as configuration declares them ({@code rightsdesk.company.*}, format in
 * docs/company-systems.md). Binding checks every declaration and stops the start with a message that names each
 * wrong field; an empty or missing {@code rightsdesk.company} declares nothing and is valid.
 *
 * @param datasources JDBC connections to the company's databases, by name
 * @param systems the systems that hold personal data, JDBC or manual
 * @param queryTimeout how long one SQL statement in a company database may run before the driver cancels it; whole
 *     seconds. A job that looks up or changes a system must end well inside the job lock time (docs/operations.md)
 * @param pageSize the most rows one statement reads where Rights Desk reads a whole table rather than one person's
 *     records (the names compared with free text for Art 15(4)), so that no statement grows with the company
 */
@ConfigurationProperties("rightsdesk.company")
public record CompanyProperties(Map<String, Datasource> datasources, List<SystemDeclaration> systems,
    Duration queryTimeout, Integer pageSize) {

  /** A fifth of the 30 s job lock: a lookup is one statement per declared table. */
  static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);
  /** A page read along the id column's index takes milliseconds; a million names are a thousand statements. */
  static final int DEFAULT_PAGE_SIZE = 1_000;

  public CompanyProperties {
    datasources =
        datasources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(datasources));
    systems = systems == null ? List.of() : List.copyOf(systems);
    queryTimeout = queryTimeout == null ? DEFAULT_QUERY_TIMEOUT : queryTimeout;
    pageSize = pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
    DeclarationRules.check(datasources, systems, queryTimeout, pageSize);
  }

  /** The query timeout as JDBC takes it: whole seconds, rounded up. */
  public int queryTimeoutSeconds() {
    return (int) Math.min(Integer.MAX_VALUE, queryTimeout.plusNanos(999_999_999).getSeconds());
  }

  /** A JDBC connection. The password is a secret: it never appears in messages. */
  public record Datasource(String url, String username, String password) {

    @Override
    public String toString() {
      return "Datasource[url=" + url + ", username=" + username + "]";
    }
  }

  /**
   * One system. {@code access} and the records' {@code erase} are bound as text and checked by {@link
   * DeclarationRules}, so that a wrong value is reported with the system's id rather than a list index.
   */
  public record SystemDeclaration(
      String id,
      Text name,
      String ownerGroup,
      String access,
      String datasource,
      Text activity,
      Text dataSubjects,
      Text purpose,
      String legalBasis,
      Text source,
      Text retention,
      List<String> recipients,
      List<RecordDeclaration> records,
      Suppression suppression,
      String backupRetention) {

    public SystemDeclaration {
      recipients = recipients == null ? List.of() : List.copyOf(recipients);
      records = records == null ? List.of() : List.copyOf(records);
    }

    public SystemId systemId() {
      return new SystemId(id);
    }

    /** The name staff read in Tasklist and Cockpit: Danish, as MICO's staff are. Letters use {@link #name(Locale)}. */
    public String staffName() {
      return name.da();
    }

    public String name(Locale locale) {
      return name.in(locale);
    }

    public String activity(Locale locale) {
      return activity.in(locale);
    }

    /** The categories of data subjects whose data the system holds (Art 30(1)(c)), in the reader's language. */
    public String dataSubjects(Locale locale) {
      return dataSubjects.in(locale);
    }

    /** What the system is for, in the reader's language: the activity, and the purpose where one is declared. */
    public String purpose(Locale locale) {
      return purpose == null ? activity.in(locale) : activity.in(locale) + ". " + purpose.in(locale);
    }

    public String source(Locale locale) {
      return source == null ? null : source.in(locale);
    }

    public String retention(Locale locale) {
      return retention.in(locale);
    }

    public Access accessMode() {
      return Access.parse(access).orElseThrow();
    }

    /** How long a backup of the system is kept: erased data lives on in backups this long (CEF 2025, F35). */
    public Period backupRetentionPeriod() {
      return Period.parse(backupRetention.trim());
    }

    public Optional<RecordDeclaration> record(String table) {
      return records.stream().filter(r -> r.table().equalsIgnoreCase(table)).findFirst();
    }
  }

  /** One table that holds personal data, in a JDBC system. */
  public record RecordDeclaration(
      String table,
      String idColumn,
      String personName,
      RecordIdentifiers identifiers,
      TextList categories,
      String legalBasisColumn,
      String sourceColumn,
      String portableColumn,
      boolean consentOnly,
      List<String> exportColumns,
      Map<String, Text> labels,
      String erase,
      Map<String, String> anonymise,
      String restrictColumn,
      List<String> rectifyColumns,
      String marketingColumn,
      Retention retention,
      String withdrawnColumn,
      Map<String, String> anonymiseKeeps) {

    public RecordDeclaration {
      identifiers = identifiers == null ? new RecordIdentifiers(null, null, null) : identifiers;
      categories = categories == null ? new TextList(null, null) : categories;
      exportColumns = exportColumns == null ? List.of() : List.copyOf(exportColumns);
      labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
      // YAML's null arrives as an empty text; both mean SQL NULL. Keys keep their declared order.
      anonymise =
          anonymise == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(anonymise));
      rectifyColumns = rectifyColumns == null ? List.of() : List.copyOf(rectifyColumns);
      anonymiseKeeps =
          anonymiseKeeps == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(anonymiseKeeps));
    }

    /**
     * The columns that hold the person's data or text about them: the name, the identifiers, what the subject is
     * shown and what can be corrected. An anonymisation must overwrite each of them, or say why it keeps it.
     */
    public java.util.Set<String> personalColumns() {
      java.util.Set<String> columns = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
      java.util.stream.Stream.of(personName, identifiers.email(), identifiers.phone())
          .filter(column -> column != null && !column.isBlank()).forEach(columns::add);
      columns.addAll(identifiers.other().values());
      columns.addAll(exportColumns);
      columns.addAll(rectifyColumns);
      if (idColumn != null) {
        columns.remove(idColumn);
      }
      if (withdrawnColumn != null) {
        columns.remove(withdrawnColumn); // written by the withdrawal itself: when consent ended
      }
      return columns;
    }

    /** The data categories in the reader's language. */
    public List<String> categories(Locale locale) {
      return categories.in(locale);
    }

    /** The categories staff read (Danish), as findings record them. */
    public List<String> staffCategories() {
      return categories.da();
    }

    /** An export column's label in the reader's language; the column name only for an undeclared column. */
    public String label(String column, Locale locale) {
      Text label = labels.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(column))
          .map(Map.Entry::getValue).findFirst().orElse(null);
      return label == null ? column : label.in(locale);
    }

    /** Whether a legal retention period binds the records of this table (Art 17(3)(b)). */
    public boolean hasRetention() {
      return retention != null && retention.from() != null && !retention.from().isBlank();
    }

    /**
     * Whether erasing a record of this consent log keeps it as proof of consent (Art 7(1)): the link to the person is
     * anonymised and the moment the consent ended is written to {@code withdrawnColumn}.
     */
    public boolean keepsProofOfConsent() {
      return withdrawnColumn != null && !withdrawnColumn.isBlank();
    }

    /** {@code erase} absent means {@code keep}: nothing is erased that the declaration does not allow. */
    public EraseMode eraseMode() {
      return EraseMode.parse(erase).orElseThrow();
    }
  }

  /**
   * A legal retention period (e.g. the bookkeeping act's 5 years from the end of the financial year): a record is
   * kept until the date in column {@code from} plus {@code period}, and may be erased after that day.
   *
   * @param from a date column of the table
   * @param period an ISO-8601 period, e.g. P5Y
   * @param law the law that sets the period, as a letter names it, per language
   */
  public record Retention(String from, String period, Text law) {

    public String law(Locale locale) {
      return law == null ? null : law.in(locale);
    }
  }

  /**
   * A text the subject reads, in each language letters and pages are written in: Danish and English. Each is
   * written wholly in its language (a Danish letter never shows the English text).
   */
  public record Text(String da, String en) {

    /** The text in the reader's language: English for English readers, otherwise Danish. */
    public String in(Locale locale) {
      return isEnglish(locale) ? en : da;
    }
  }

  /** A list of texts the subject reads (e.g. data categories), per language. */
  public record TextList(List<String> da, List<String> en) {

    public TextList {
      // copies that keep a null entry, so that the declaration check can name it
      da = da == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(da));
      en = en == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(en));
    }

    public List<String> in(Locale locale) {
      return isEnglish(locale) ? en : da;
    }
  }

  private static boolean isEnglish(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage());
  }

  /**
   * The columns that identify a person: at least one of e-mail and phone, and any other kind the officer may have
   * (e.g. {@code postal-address: postal_address}, {@code company: company_name}); matches by those are candidates.
   */
  public record RecordIdentifiers(String email, String phone, Map<String, String> other) {

    public RecordIdentifiers {
      other = other == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }
  }

  /** Where marketing suppression entries go: the SHA-256 hex of the lower-cased address. */
  public record Suppression(String table, String hashColumn, String createdColumn) {}

  /** How Rights Desk reaches a system. */
  public enum Access {
    /** Through a declared JDBC datasource. */
    JDBC,
    /** By a person of the owner group, from a Tasklist task. */
    MANUAL;

    static Optional<Access> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "jdbc" -> Optional.of(JDBC);
        case "manual" -> Optional.of(MANUAL);
        default -> Optional.empty();
      };
    }
  }

  /** What erasure does to a record. */
  public enum EraseMode {
    /** Delete the row. */
    DELETE,
    /** Overwrite the declared columns with the declared values. */
    ANONYMISE,
    /** Never erase (e.g. a legal obligation to keep, Art 17(3)(b)): erasure is refused. */
    KEEP;

    static Optional<EraseMode> parse(String text) {
      if (text == null || text.isBlank()) {
        return Optional.of(KEEP);
      }
      return switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "delete" -> Optional.of(DELETE);
        case "anonymise", "anonymize" -> Optional.of(ANONYMISE);
        case "keep" -> Optional.of(KEEP);
        default -> Optional.empty();
      };
    }
  }
}
