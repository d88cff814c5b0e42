package dk.mico.rightsdesk.systems.demo;

import dk.mico.rightsdesk.system.SecretTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * The demo company newsletter's guard on H2 (PostgreSQL has the same as a PL/pgSQL trigger): a subscriber whose
 * address is on the suppression list is refused, so an objection to marketing holds for good (Art 21(3)).
 */
public class NewsletterSuppressionGuard implements Trigger {

  private int emailColumn;

  @Override
  public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
      throws SQLException {
    try (ResultSet columns = connection.getMetaData().getColumns(null, schema, table, null)) {
      int index = 0;
      while (columns.next()) {
        if (columns.getString("COLUMN_NAME").equalsIgnoreCase("email")) {
          emailColumn = index;
        }
        index++;
      }
    }
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
    Object email = newRow == null ? null : newRow[emailColumn];
    if (email == null) {
      return;
    }
    String hash = SecretTokens.hash(email.toString().strip().toLowerCase(Locale.ROOT));
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT 1 FROM newsletter_suppression WHERE email_sha256 = ?")) {
      query.setString(1, hash);
      try (ResultSet found = query.executeQuery()) {
        if (found.next()) {
          throw new SQLException("the address is on the newsletter's suppression list", "23514");
        }
      }
    }
  }
}
