package dk.mico.rightsdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the tests that need one use: 127.0.0.1:5432, database {@code test}, user postgres with trust
 * authentication (as on a CI service), or {@code -Drightsdesk.test.postgres-url}. Tests skip themselves without it.
 */
public final class TestPostgres {

  public static final String URL =
      System.getProperty("rightsdesk.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String USER = "postgres";

  private TestPostgres() {}

  public static boolean reachable() {
    try (Connection ignored = DriverManager.getConnection(URL, USER, "")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  /** Runs one statement as the administrator, e.g. to create or drop a test's schema. */
  public static void admin(String sql) throws SQLException {
    try (Connection admin = DriverManager.getConnection(URL, USER, "");
        Statement statement = admin.createStatement()) {
      statement.execute(sql);
    }
  }

  /** Why a test was skipped. */
  public static String absent() {
    return "no PostgreSQL at " + URL + " (user " + USER + ", trust auth)";
  }
}
