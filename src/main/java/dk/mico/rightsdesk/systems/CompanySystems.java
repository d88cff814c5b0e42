package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.system.SecretTokens;
import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.EraseMode;
import dk.mico.rightsdesk.systems.CompanyProperties.Suppression;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.SystemChange.Action;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The company's declared systems, and the work Rights Desk does in the JDBC ones: find a person's records, export
 * them, erase, restrict, rectify, stop marketing and keep suppression entries. Every action is idempotent and answers
 * what it changed, never the values. A failing database throws {@link CompanySystemException}, whose message names
 * the action and the system but no personal data.
 */
@Service
public class CompanySystems {

  private final Map<SystemId, SystemDeclaration> declarations = new LinkedHashMap<>();
  private final Map<SystemId, JdbcSystem> jdbcSystems = new LinkedHashMap<>();

  private final Clock clock;
  private final int queryTimeoutSeconds;

  /**
   * With the application's clock where it has one (the engine's, so tests that move time move this too), in the
   * controller's time zone: a retention period ends at midnight there, when the scheduled erasure runs, not in UTC.
   * (A context without the calendar, such as the company start checks, keeps the clock's own zone.)
   */
  @Autowired
  public CompanySystems(CompanyProperties properties, CompanyDataSources dataSources, ObjectProvider<Clock> clock,
      ObjectProvider<LegalCalendar> calendar) {
    this(properties, dataSources, inLegalZone(clock.getIfAvailable(Clock::systemUTC), calendar.getIfAvailable()));
  }

  private static Clock inLegalZone(Clock clock, LegalCalendar calendar) {
    return calendar == null ? clock : clock.withZone(calendar.zone());
  }

  public CompanySystems(CompanyProperties properties, CompanyDataSources dataSources, Clock clock) {
    this.clock = clock;
    this.queryTimeoutSeconds = properties.queryTimeoutSeconds();
    for (SystemDeclaration declaration : properties.systems()) {
      declarations.put(declaration.systemId(), declaration);
      if (declaration.accessMode() == Access.JDBC) {
        jdbcSystems.put(declaration.systemId(),
            new JdbcSystem(declaration, dataSources.get(declaration.datasource()), queryTimeoutSeconds,
                properties.pageSize()));
      }
    }
  }

  // ---- the registry

  /** Every declared system, in declared order. */
  public List<SystemDeclaration> systems() {
    return List.copyOf(declarations.values());
  }

  /** The consents a subject can choose among when withdrawing consent, in declared order. */
  public List<Consent> consents() {
    return declarations.values().stream()
        .filter(system -> system.records().stream().anyMatch(CompanyProperties.RecordDeclaration::consentOnly))
        .map(system -> new Consent(system.id(), system.name(), system.suppression() != null))
        .toList();
  }

  /** A declared system; an id that is not declared is a programming or data error. */
  public SystemDeclaration system(SystemId id) {
    SystemDeclaration declaration = declarations.get(id);
    if (declaration == null) {
      throw new IllegalArgumentException("system " + id + " is not declared");
    }
    return declaration;
  }

  /** A system's name in the reader's language. */
  public String name(String systemId, Locale locale) {
    return system(SystemId.of(systemId)).name(locale);
  }

  /**
   * The data categories of a table in the reader's language; {@code recorded} (the staff's words a finding or change
   * was stored with) where the table is no longer declared.
   */
  public List<String> categories(String systemId, String table, List<String> recorded, Locale locale) {
    SystemDeclaration declaration = declarations.get(SystemId.of(systemId));
    return declaration == null ? recorded
        : declaration.record(table).map(r -> r.categories(locale)).orElse(recorded);
  }

  /** An export column's label in the reader's language, from the first table that declares one for it. */
  public String label(String column, Locale locale) {
    return declarations.values().stream().flatMap(s -> s.records().stream())
        .filter(r -> r.labels().keySet().stream().anyMatch(column::equalsIgnoreCase))
        .map(r -> r.label(column, locale))
        .findFirst().orElse(column);
  }

  // ---- lookup and export

  /**
   * The records of one JDBC system that match the person: by the verified e-mail address or phone number, and,
   * flagged {@link MatchedBy#NAME_ONLY} as separate findings, records that match by full name alone.
   */
  public List<Finding> lookup(SystemId id, Identifiers who) {
    JdbcSystem system = jdbc(id);
    return guarded("lookup", id, () -> {
      List<Finding> findings = new ArrayList<>();
      system.tables.values().forEach(table -> findings.addAll(table.lookup(who)));
      return List.copyOf(findings);
    });
  }

  /** The declared export columns of these records, in declared order; ids that do not exist are left out. */
  public List<ExportedRecord> export(SystemId id, String table, Collection<String> recordIds) {
    RecordTable records = table(id, table);
    return guarded("export", id, () -> records.export(recordIds));
  }

  /**
   * The names of every person the JDBC systems hold (their person-name columns), to spot free text that names
   * someone other than the subject (Art 15(4)): handed over a page at a time (at most
   * {@code rightsdesk.company.page-size} rows, one statement each), system by system and table by table in declared
   * order. A name held in several records comes as often. Personal data: for comparison only, never logged.
   */
  public void personNames(Consumer<List<String>> page) {
    jdbcSystems.forEach((id, system) -> guarded("reading names", id, () -> {
      system.tables.values().forEach(table -> table.personNames(page));
      return null;
    }));
  }

  // ---- actions

  /**
   * Erase as declared: delete the rows or anonymise their declared columns. Refused where the table says keep, and
   * for records whose declared retention period still runs (Art 17(3)(b)).
   */
  public SystemChange erase(SystemId id, String table, Collection<String> recordIds) {
    RecordTable records = table(id, table);
    EraseMode mode = records.declaration().eraseMode();
    if (mode == EraseMode.KEEP) {
      throw new ActionRefusedException("system " + id + " declares table " + records.table() + " erase: keep");
    }
    if (records.declaration().hasRetention()) {
      LocalDate today = LocalDate.now(clock);
      List<String> stillKept = keptUntil(id, table, recordIds).entrySet().stream()
          .filter(e -> !e.getValue().isBefore(today))
          .map(Map.Entry::getKey)
          .toList();
      if (!stillKept.isEmpty()) {
        throw new ActionRefusedException("system " + id + " must keep records " + stillKept + " of table "
            + records.table() + " until their retention period ends");
      }
    }
    return inTransaction("erasure", id, () -> mode == EraseMode.DELETE
        ? records.delete(recordIds)
        : records.anonymise(recordIds, LocalDateTime.now(clock)));
  }

  /**
   * The records among these that a recipient's record filter selects, as they are now (F4): asked before a change,
   * since an erased record can no longer be filtered.
   */
  public List<String> selected(DisclosureRegister.RecordFilter filter, Collection<String> recordIds) {
    SystemId id = SystemId.of(filter.system());
    RecordTable records = table(id, filter.table());
    // compared as text, so the declared values fit a column of any type
    String compared = filter.references() == null
        ? "CAST(" + filter.column() + " AS VARCHAR(4000)) IN (:filterValues)"
        : filter.column() + " IN (SELECT " + filter.references().idColumn() + " FROM " + filter.references().table()
            + " WHERE CAST(" + filter.references().column() + " AS VARCHAR(4000)) IN (:filterValues))";
    return guarded("lookup", id, () -> records.matching(recordIds, compared,
        Map.of("filterValues", filter.values())));
  }

  /**
   * The last day each record must be kept under the table's declared retention period (its date column plus the
   * period); empty where the table declares none. Ids that do not exist are left out.
   */
  public Map<String, LocalDate> keptUntil(SystemId id, String table, Collection<String> recordIds) {
    RecordTable records = table(id, table);
    if (!records.declaration().hasRetention()) {
      return Map.of();
    }
    CompanyProperties.Retention retention = records.declaration().retention();
    Period period = Period.parse(retention.period().trim());
    Map<String, LocalDate> from = guarded("lookup", id, () -> records.dates(recordIds, retention.from()));
    Map<String, LocalDate> until = new LinkedHashMap<>();
    from.forEach((recordId, date) -> until.put(recordId, date.plus(period)));
    return until;
  }

  /** Erase records held only on consent, when the consent is withdrawn; refused for any other table. */
  public SystemChange eraseConsentOnly(SystemId id, String table, Collection<String> recordIds) {
    RecordTable records = table(id, table);
    if (!records.declaration().consentOnly()) {
      throw new ActionRefusedException(
          "system " + id + " does not declare table " + records.table() + " consent-only");
    }
    return erase(id, table, recordIds);
  }

  /** Mark records restricted (Art 18): stored only. Needs a declared restrict-column. */
  public SystemChange restrict(SystemId id, String table, Collection<String> recordIds) {
    RecordTable records = table(id, table);
    String column = restrictColumn(id, records);
    return inTransaction("restriction", id, () -> records.setFlag(recordIds, column, true, Action.RESTRICTED));
  }

  /** Lift a restriction (Art 18(3)). Needs a declared restrict-column. */
  public SystemChange liftRestriction(SystemId id, String table, Collection<String> recordIds) {
    RecordTable records = table(id, table);
    String column = restrictColumn(id, records);
    return inTransaction("lifting a restriction", id,
        () -> records.setFlag(recordIds, column, false, Action.RESTRICTION_LIFTED));
  }

  /** Correct one column of one record (Art 16); only the declared rectify-columns may be written. */
  public SystemChange rectify(SystemId id, String table, String recordId, String column, String newValue) {
    RecordTable records = table(id, table);
    String declared = records.declaration().rectifyColumns().stream()
        .filter(c -> c.equalsIgnoreCase(column))
        .findFirst()
        .orElseThrow(() -> new ActionRefusedException(
            "system " + id + " does not declare " + column + " a rectify-column of table " + records.table()));
    return inTransaction("rectification", id, () -> records.rectify(recordId, declared, newValue));
  }

  /**
   * The records, per table with a declared marketing-column, that hold an address and whose marketing is not stopped
   * yet, as they are now: those that stopping direct marketing to the address changes (Art 21(3)), found by discovery
   * or not. Tables with none are left out.
   */
  public Map<String, List<String>> marketingRecords(SystemId id, String email) {
    JdbcSystem system = jdbc(id);
    String address = requiredEmail(email);
    return guarded("stopping marketing", id, () -> {
      Map<String, List<String>> records = new LinkedHashMap<>();
      system.tables.values().stream()
          .filter(t -> t.declaration().marketingColumn() != null)
          .forEach(t -> {
            List<String> ids = t.marketingRecords(address);
            if (!ids.isEmpty()) {
              records.put(t.table(), ids);
            }
          });
      return records;
    });
  }

  /**
   * Stop direct marketing in these records (Art 21(3)): those holding the address, or found by what identifies a
   * person who gave no e-mail address (a phone number, the name with the postal address). Refused for a table
   * without a marketing-column.
   */
  public SystemChange stopMarketing(SystemId id, String table, Collection<String> recordIds) {
    RecordTable records = table(id, table);
    String column = records.declaration().marketingColumn();
    if (column == null || column.isBlank()) {
      throw new ActionRefusedException("system " + id + " declares no marketing-column for table " + records.table());
    }
    return inTransaction("stopping marketing", id,
        () -> records.setFlag(recordIds, column, false, SystemChange.Action.MARKETING_STOPPED));
  }

  /**
   * Runs actions on one JDBC system as one transaction of that system, and hands what they changed to
   * {@code beforeCommit} just before that transaction commits: what the caller keeps of the changes elsewhere is then
   * kept even if the caller dies the moment this system has committed.
   */
  public List<SystemChange> inOneTransaction(SystemId id, Supplier<List<SystemChange>> actions,
      Consumer<List<SystemChange>> beforeCommit) {
    return inTransaction("changes", id, () -> {
      List<SystemChange> changes = actions.get();
      beforeCommit.accept(changes);
      return changes;
    });
  }

  /**
   * Keep a suppression entry for an address, so it is never added to marketing again: the SHA-256 hex of the
   * lower-cased address, once, in every declared suppression table. Answers whether any entry was new.
   */
  public boolean suppress(String email) {
    String hash = SecretTokens.hash(requiredEmail(email));
    List<JdbcSystem> suppressing = suppressing();
    if (suppressing.isEmpty()) {
      throw new ActionRefusedException("no system declares a suppression table");
    }
    boolean added = false;
    for (JdbcSystem system : suppressing) {
      added |= suppress(system, hash);
    }
    return added;
  }

  /**
   * Keep the suppression entry for an address in one system's suppression table (after a restore of that system).
   * Answers whether the entry was new there.
   */
  public boolean suppress(SystemId id, String email) {
    JdbcSystem system = jdbc(id);
    if (system.declaration.suppression() == null) {
      throw new ActionRefusedException("system " + id + " declares no suppression table");
    }
    return suppress(system, SecretTokens.hash(requiredEmail(email)));
  }

  private boolean suppress(JdbcSystem system, String hash) {
    return guarded("suppression", system.declaration.systemId(), () -> {
      try {
        return system.transactions.execute(status -> insertSuppression(system, hash));
      } catch (DuplicateKeyException e) {
        return false; // another node added the same entry at the same moment
      }
    });
  }

  /** Whether any declared suppression table holds the address. */
  public boolean isSuppressed(String email) {
    String hash = SecretTokens.hash(requiredEmail(email));
    for (JdbcSystem system : suppressing()) {
      if (guarded("suppression check", system.declaration.systemId(), () -> hasSuppression(system, hash))) {
        return true;
      }
    }
    return false;
  }

  private static boolean insertSuppression(JdbcSystem system, String hash) {
    if (hasSuppression(system, hash)) {
      return false;
    }
    Suppression s = system.declaration.suppression();
    String sql = s.createdColumn() == null || s.createdColumn().isEmpty()
        ? "INSERT INTO " + s.table() + " (" + s.hashColumn() + ") VALUES (:hash)"
        : "INSERT INTO " + s.table() + " (" + s.hashColumn() + ", " + s.createdColumn()
            + ") VALUES (:hash, CURRENT_TIMESTAMP)";
    system.jdbc.sql(sql).param("hash", hash).update();
    return true;
  }

  private static boolean hasSuppression(JdbcSystem system, String hash) {
    Suppression s = system.declaration.suppression();
    return system.jdbc.sql("SELECT COUNT(*) FROM " + s.table() + " WHERE " + s.hashColumn() + " = :hash")
        .param("hash", hash)
        .query(Long.class)
        .single() > 0;
  }

  // ---- helpers

  private List<JdbcSystem> suppressing() {
    return jdbcSystems.values().stream().filter(s -> s.declaration.suppression() != null).toList();
  }

  private JdbcSystem jdbc(SystemId id) {
    JdbcSystem system = jdbcSystems.get(id);
    if (system == null) {
      system(id); // throws for an undeclared system
      throw new ActionRefusedException("system " + id + " is not reached by jdbc: its owner group works in it");
    }
    return system;
  }

  private RecordTable table(SystemId id, String table) {
    RecordTable records = table == null ? null : jdbc(id).tables.get(table.toLowerCase(Locale.ROOT));
    if (records == null) {
      throw new IllegalArgumentException("system " + id + " declares no table " + table);
    }
    return records;
  }

  private static String restrictColumn(SystemId id, RecordTable records) {
    String column = records.declaration().restrictColumn();
    if (column == null || column.isEmpty()) {
      throw new ActionRefusedException("system " + id + " declares no restrict-column for table " + records.table());
    }
    return column;
  }

  private static String requiredEmail(String email) {
    String address = Identifiers.normaliseEmail(email);
    if (address == null) {
      throw new IllegalArgumentException("an e-mail address is required");
    }
    return address;
  }

  private <T> T inTransaction(String action, SystemId id, Supplier<T> work) {
    return inTransaction(jdbc(id), action, id, work);
  }

  private <T> T inTransaction(JdbcSystem system, String action, SystemId id, Supplier<T> work) {
    return guarded(action, id, () -> system.transactions.execute(status -> work.get()));
  }

  /**
   * Database failures leave as {@link CompanySystemException}: named action and system, no driver messages. A
   * statement the driver cancelled at the query timeout says so, so that the incident tells what to look at.
   */
  private <T> T guarded(String action, SystemId id, Supplier<T> work) {
    try {
      return work.get();
    } catch (ActionRefusedException | IllegalArgumentException | CompanySystemException e) {
      throw e; // refused, or reported already by an action inside a wider transaction
    } catch (RuntimeException e) {
      if (timedOut(e)) {
        throw new CompanySystemException(action + " in system " + id + " timed out: a query ran longer than "
            + queryTimeoutSeconds + " s (rightsdesk.company.query-timeout); see docs/operations.md", e);
      }
      throw new CompanySystemException(action + " in system " + id + " failed", e);
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof QueryTimeoutException || t instanceof SQLTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** A JDBC system: its connection, its transactions and its tables by lower-cased name. */
  private static final class JdbcSystem {

    private final SystemDeclaration declaration;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Map<String, RecordTable> tables = new LinkedHashMap<>();

    JdbcSystem(SystemDeclaration declaration, DataSource dataSource, int queryTimeoutSeconds, int pageSize) {
      this.declaration = declaration;
      var template = new JdbcTemplate(dataSource);
      template.setQueryTimeout(queryTimeoutSeconds); // every statement: the driver cancels it after this long
      this.jdbc = JdbcClient.create(template);
      this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
      declaration.records().forEach(
          r -> tables.put(r.table().toLowerCase(Locale.ROOT), new RecordTable(declaration, r, jdbc, pageSize)));
    }
  }
}
