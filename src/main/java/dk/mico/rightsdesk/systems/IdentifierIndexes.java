package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
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
 * At start, a warning for every declared identifier column (e-mail, phone, the other kinds) that leads no index in
 * its database: a lookup by it reads the whole table, and on a big table that can pass the query timeout and hold a
 * job near its lock (docs/operations.md, "Company systems: indexes and timeouts"). Read from the database's own
 * catalogue ({@link DatabaseMetaData#getIndexInfo}); the warnings name systems, tables and columns, never a value.
 */
@Component
public class IdentifierIndexes {

  private static final Logger log = LoggerFactory.getLogger(IdentifierIndexes.class);

  /** A declared column that leads no index, in the words of the warning. */
  public record Unindexed(String system, String table, String column, String identifier) {

    String warning() {
      return "Company system " + system + ": identifier column " + table + "." + column + " (" + identifier
          + ") has no index in its database; a lookup by it reads the whole table (docs/operations.md)";
    }
  }

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
        for (RecordDeclaration table : system.records()) {
          Map<String, String> identifiers = identifierColumns(table);
          List<String> leading = leadingIndexColumns(catalogue, connection, table.table());
          identifiers.forEach((column, identifier) -> {
            if (leading.stream().noneMatch(indexed -> covers(indexed, column))) {
              unindexed.add(new Unindexed(system.id(), table.table(), column, identifier));
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

  /** The declared identifier columns of a table and the kind each holds, in declared order. */
  private static Map<String, String> identifierColumns(RecordDeclaration table) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (table.identifiers().email() != null && !table.identifiers().email().isBlank()) {
      columns.put(table.identifiers().email(), "email");
    }
    if (table.identifiers().phone() != null && !table.identifiers().phone().isBlank()) {
      columns.put(table.identifiers().phone(), "phone");
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
