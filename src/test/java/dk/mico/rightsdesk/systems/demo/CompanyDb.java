package dk.mico.rightsdesk.systems.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A freshly migrated demo company database for a test, and plain JDBC queries over it. */
final class CompanyDb {

  static final List<String> TABLES = List.of("customer", "contact_person", "support_case", "course",
      "course_participant", "course_evaluation", "newsletter_subscriber", "newsletter_suppression", "cookie_consent",
      "invoice", "disclosure_recipient");

  final String url;
  final String username;
  final String password;

  CompanyDb(String url, String username, String password) {
    this.url = url;
    this.username = username;
    this.password = password;
  }

  /** A new, empty in-memory H2 database of its own, migrated. */
  static CompanyDb freshH2() {
    CompanyDb db = new CompanyDb("jdbc:h2:mem:company-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    CompanyDatabaseMigrations.configure(db.url, db.username, db.password).load().migrate();
    return db;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  long count(String sql, Object... args) throws SQLException {
    List<List<Object>> rows = query(sql, args);
    return ((Number) rows.get(0).get(0)).longValue();
  }

  List<List<Object>> query(String sql, Object... args) throws SQLException {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        statement.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.add(rs.getObject(c));
          }
          rows.add(row);
        }
        return rows;
      }
    }
  }

  List<String> strings(String sql, Object... args) throws SQLException {
    List<String> out = new ArrayList<>();
    for (List<Object> row : query(sql, args)) {
      out.add(row.get(0) == null ? null : row.get(0).toString());
    }
    return out;
  }

  /**
   * Every row of every table, ordered by id, as text that does not depend on the database: the same data gives the
   * same text on H2 and on PostgreSQL.
   */
  String contents() throws SQLException {
    StringBuilder out = new StringBuilder();
    for (String table : TABLES) {
      out.append("# ").append(table).append('\n');
      for (List<Object> row : query("select * from " + table + " order by id")) {
        List<String> cells = new ArrayList<>();
        for (Object cell : row) {
          cells.add(normalise(cell));
        }
        out.append(String.join("|", cells)).append('\n');
      }
    }
    return out.toString();
  }

  private static String normalise(Object cell) {
    if (cell == null) {
      return "null";
    }
    if (cell instanceof java.math.BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (cell instanceof Number number) {
      return Long.toString(number.longValue());
    }
    if (cell instanceof java.sql.Timestamp timestamp) {
      return timestamp.toLocalDateTime().toString();
    }
    if (cell instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    return cell.toString();
  }
}
