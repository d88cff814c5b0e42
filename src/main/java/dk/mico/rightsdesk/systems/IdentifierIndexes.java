package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, a warning for every declared identifier column (e-mail, phone, the person's name, the other kinds) that no
 * index of its database serves: a lookup by it reads the whole table, and on a big table that can pass the query
 * timeout and hold a job near its lock (docs/operations.md, "Company systems: indexes and timeouts"). The lookup is one
 * statement whose conditions are joined by OR, so one column without its index makes the whole lookup read the table.
 * On PostgreSQL the planner is asked about each condition as the lookup writes it, and the warning gives the index
 * that would serve it (a trigram index, {@code pg_trgm}, for the search for words within the name and the other
 * kinds, {@code LIKE '%jens%hansen%'}). On other databases the catalogue ({@link DatabaseMetaData#getIndexInfo}) is
 * read: an index that starts with the e-mail or phone column, or an expression over it, is taken to serve it, and no
 * index serves a search for words within a column. The warnings name systems, tables and columns, never a value.
 */
@Component
public class IdentifierIndexes {

  private static final Logger log = LoggerFactory.getLogger(IdentifierIndexes.class);

  /**
   * A declared column that no index serves; {@code lacks} says what it lacks, in the words of the warning, and
   * {@code index}, on PostgreSQL, is the statement that creates the index the lookup's condition can use (null on
   * other databases).
   */
  public record Unindexed(String system, String table, String column, String identifier, String lacks,
      String index) {

    String warning() {
      return "Company system " + system + ": identifier column " + table + "." + column + " (" + identifier + ") "
          + lacks + "; a lookup by it reads the whole table (docs/operations.md)"
          + (index == null ? "" : ". The index it wants: " + index);
    }
  }

  private static final String NO_INDEX = "has no index in its database";
  private static final String NO_TRIGRAM_INDEX =
      "has no trigram index in its database (pg_trgm), and only that serves its search, LIKE '%...%'";
  private static final String NO_WORD_INDEX =
      "is searched with LIKE '%...%', which no index of its database serves (PostgreSQL's pg_trgm would)";

  private final CompanyProperties properties;
  private final CompanyDataSources dataSources;

  public IdentifierIndexes(CompanyProperties properties, CompanyDataSources dataSources) {
    this.properties = properties;
    this.dataSources = dataSources;
  }

  /** In a thread of its own: a company database that is slow to answer must not hold up the start. */
  @EventListener(ApplicationReadyEvent.class)
  void checkInTheBackground() {
    Thread check = new Thread(this::check, "company-index-check");
    check.setDaemon(true);
    check.start();
  }

  /** Logs a warning per unindexed identifier column, and answers them; a database that cannot be read is logged. */
  public List<Unindexed> check() {
    List<Unindexed> unindexed = new ArrayList<>();
    for (SystemDeclaration system : properties.systems()) {
      if (system.accessMode() != Access.JDBC) {
        continue;
      }
      try (Connection connection = dataSources.get(system.datasource()).getConnection()) {
        DatabaseMetaData catalogue = connection.getMetaData();
        boolean postgres = "PostgreSQL".equals(catalogue.getDatabaseProductName());
        for (RecordDeclaration table : system.records()) {
          List<String> leading = postgres ? List.of() : leadingIndexColumns(catalogue, connection, table.table());
          for (Searched searched : searched(table)) {
            boolean served = postgres ? planUsesAnIndex(connection, table.table(), searched)
                : !searched.words() && leading.stream().anyMatch(indexed -> covers(indexed, searched.column()));
            if (!served) {
              String lacks = !searched.words() ? NO_INDEX : postgres ? NO_TRIGRAM_INDEX : NO_WORD_INDEX;
              unindexed.add(new Unindexed(system.id(), table.table(), searched.column(), searched.identifier(),
                  lacks, postgres ? searched.index(table.table()) : null));
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        // the driver's message may quote the URL or more: the type only
        log.warn("Could not read the indexes of company system {} ({}); its lookups may be slow unnoticed",
            system.id(), e.getClass().getName());
      }
    }
    unindexed.forEach(u -> log.warn(u.warning()));
    return unindexed;
  }

  /**
   * A declared column as the lookup searches it: its condition, with RecordTable's expression, and a harmless value
   * to ask the planner about ({@code probe}); {@code words} for the search for words within it.
   */
  private record Searched(String column, String identifier, String expression, String condition, String probe,
      boolean words) {

    /** On PostgreSQL, the index that the condition can use. */
    String index(String table) {
      return "CREATE INDEX ON " + table + (words ? " USING gin (" + expression + " gin_trgm_ops)"
          : " (" + expression + ")");
    }
  }

  /** The declared identifier columns of a table as the lookup searches them, in declared order. */
  private static List<Searched> searched(RecordDeclaration table) {
    Map<String, Searched> columns = new LinkedHashMap<>();
    String email = table.identifiers().email();
    if (email != null && !email.isBlank()) {
      String expression = RecordTable.normalisedEmail(email);
      columns.put(email, new Searched(email, "email", expression, expression + " = ?", "x@example.invalid", false));
    }
    String phone = table.identifiers().phone();
    if (phone != null && !phone.isBlank()) {
      String expression = RecordTable.strippedPhone(phone);
      columns.putIfAbsent(phone, new Searched(phone, "phone", expression, expression + " = ?", "00000000", false));
    }
    Map<String, String> words = new LinkedHashMap<>();
    if (table.personName() != null && !table.personName().isBlank()) {
      words.put(table.personName(), "name");
    }
    table.identifiers().other().forEach((kind, column) -> words.putIfAbsent(column, kind));
    words.forEach((column, kind) -> {
      String expression = RecordTable.lowerCased(column);
      columns.putIfAbsent(column, new Searched(column, kind, expression, expression + " LIKE ? ESCAPE '\\'",
          "%xyz%", true));
    });
    return List.copyOf(columns.values());
  }

  /**
   * PostgreSQL's planner, asked about the lookup's own condition with sequential scans priced out, reads it from an
   * index on this column: exact where the catalogue is not, since an expression index serves only its expression and
   * a B-tree no {@code LIKE '%...%'}. A full scan of another index (the key) carries no index condition on the column.
   */
  private static boolean planUsesAnIndex(Connection connection, String table, Searched searched) throws SQLException {
    Pattern onColumn = Pattern.compile("Index Cond: .*\\b" + Pattern.quote(searched.column()) + "\\b",
        Pattern.CASE_INSENSITIVE);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (Statement settings = connection.createStatement()) {
        settings.execute("SET LOCAL enable_seqscan = off");
      }
      try (PreparedStatement explain = connection.prepareStatement(
          "EXPLAIN SELECT 1 FROM " + table + " WHERE " + searched.condition())) {
        explain.setString(1, searched.probe());
        try (ResultSet plan = explain.executeQuery()) {
          while (plan.next()) {
            if (onColumn.matcher(plan.getString(1)).find()) {
              return true;
            }
          }
        }
      }
      return false;
    } finally {
      connection.rollback();
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * The first column of each index on the table: only an index that starts with a column serves a search by it. An
   * expression index (PostgreSQL, e.g. on {@code lower(trim(email))}) is reported as its expression.
   */
  private static List<String> leadingIndexColumns(DatabaseMetaData catalogue, Connection connection, String table)
      throws SQLException {
    List<String> leading = new ArrayList<>();
    try (ResultSet indexes = catalogue.getIndexInfo(connection.getCatalog(), connection.getSchema(),
        storedName(catalogue, table), false, true)) {
      while (indexes.next()) {
        String column = indexes.getString("COLUMN_NAME");
        if (indexes.getShort("ORDINAL_POSITION") == 1 && column != null) {
          leading.add(column);
        }
      }
    }
    return leading;
  }

  /** A plain identifier as the database keeps it in its catalogue (H2: upper case, PostgreSQL: lower case). */
  private static String storedName(DatabaseMetaData catalogue, String name) throws SQLException {
    if (catalogue.storesUpperCaseIdentifiers()) {
      return name.toUpperCase(Locale.ROOT);
    }
    if (catalogue.storesLowerCaseIdentifiers()) {
      return name.toLowerCase(Locale.ROOT);
    }
    return name;
  }

  /** The index column is the column itself, or an expression over it. */
  private static boolean covers(String indexed, String column) {
    return indexed.equalsIgnoreCase(column) || Pattern.compile("\\b" + Pattern.quote(column) + "\\b",
        Pattern.CASE_INSENSITIVE).matcher(indexed).find();
  }
}
