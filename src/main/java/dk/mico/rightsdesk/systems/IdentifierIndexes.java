package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The e-mail address and the phone are compared for equality: an index that starts with the column (or an expression
 * over it) serves them, read from the database's own catalogue ({@link DatabaseMetaData#getIndexInfo}). The name and
 * the other kinds are searched for words within the column ({@code LIKE '%jens%hansen%'}), which only a trigram index
 * serves: PostgreSQL's {@code pg_trgm}, read from {@code pg_indexes}; on other databases no index serves it. The
 * warnings name systems, tables and columns, never a value.
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
          List<String> leading = leadingIndexColumns(catalogue, connection, table.table());
          equalityColumns(table).forEach((column, identifier) -> {
            if (leading.stream().noneMatch(indexed -> covers(indexed, column))) {
              String searched = identifier.equals("phone") ? RecordTable.strippedPhone(column)
                  : RecordTable.normalisedEmail(column);
              unindexed.add(new Unindexed(system.id(), table.table(), column, identifier, NO_INDEX,
                  postgres ? "CREATE INDEX ON " + table.table() + " (" + searched + ")" : null));
            }
          });
          Map<String, String> words = wordColumns(table);
          List<String> trigram = postgres && !words.isEmpty()
              ? trigramIndexes(catalogue, connection, table.table()) : List.of();
          words.forEach((column, identifier) -> {
            if (trigram.stream().noneMatch(indexed -> coversLowerCased(indexed, column))) {
              unindexed.add(new Unindexed(system.id(), table.table(), column, identifier,
                  postgres ? NO_TRIGRAM_INDEX : NO_WORD_INDEX, postgres ? "CREATE INDEX ON " + table.table()
                      + " USING gin (" + RecordTable.lowerCased(column) + " gin_trgm_ops)" : null));
            }
          });
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

  /** The columns the lookup compares for equality (e-mail, phone) and the kind each holds. */
  private static Map<String, String> equalityColumns(RecordDeclaration table) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (table.identifiers().email() != null && !table.identifiers().email().isBlank()) {
      columns.put(table.identifiers().email(), "email");
    }
    if (table.identifiers().phone() != null && !table.identifiers().phone().isBlank()) {
      columns.put(table.identifiers().phone(), "phone");
    }
    return columns;
  }

  /** The columns the lookup searches for words within (the person's name, the other kinds), in declared order. */
  private static Map<String, String> wordColumns(RecordDeclaration table) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (table.personName() != null && !table.personName().isBlank()) {
      columns.put(table.personName(), "name");
    }
    table.identifiers().other().forEach((kind, column) -> columns.putIfAbsent(column, kind));
    return columns;
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

  /**
   * What each trigram index on the table (PostgreSQL, {@code gin_trgm_ops} or {@code gist_trgm_ops}) indexes, e.g.
   * {@code gin (lower((full_name)::text) gin_trgm_ops)}: the definition after {@code USING}, so that the index's own
   * name, which may mention any column, is not read as its content.
   */
  private static List<String> trigramIndexes(DatabaseMetaData catalogue, Connection connection, String table)
      throws SQLException {
    List<String> trigram = new ArrayList<>();
    try (PreparedStatement definitions = connection.prepareStatement(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ?")) {
      definitions.setString(1, storedName(catalogue, table));
      try (ResultSet indexes = definitions.executeQuery()) {
        while (indexes.next()) {
          String definition = indexes.getString(1);
          int using = definition.indexOf(" USING ");
          if (using >= 0 && definition.contains("_trgm_ops")) {
            trigram.add(definition.substring(using));
          }
        }
      }
    }
    return trigram;
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

  /**
   * The trigram index is over the lower-cased column, as the lookup searches it ({@code LOWER(full_name) LIKE ...});
   * PostgreSQL writes that {@code lower((full_name)::text)} for a varchar column, {@code lower(full_name)} for text.
   * One over the column itself does not serve that search.
   */
  private static boolean coversLowerCased(String indexed, String column) {
    return Pattern.compile("\\blower\\(\\(?" + Pattern.quote(column) + "\\b", Pattern.CASE_INSENSITIVE)
        .matcher(indexed).find();
  }

  /** The index column is the column itself, or an expression over it. */
  private static boolean covers(String indexed, String column) {
    return indexed.equalsIgnoreCase(column) || Pattern.compile("\\b" + Pattern.quote(column) + "\\b",
        Pattern.CASE_INSENSITIVE).matcher(indexed).find();
  }
}
