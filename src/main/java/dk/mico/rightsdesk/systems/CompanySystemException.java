package dk.mico.rightsdesk.systems;

import java.sql.SQLException;

/**
 * Work in a company system failed (database down, declaration that does not fit the schema). It is thrown, never
 * swallowed, so the job that called retries and ends in an incident. Neither its message nor its causes carry
 * personal data: a driver's message can quote a value, so each cause is replaced by its type, SQL state and stack.
 */
public class CompanySystemException extends RuntimeException {

  CompanySystemException(String message, Throwable cause) {
    super(message, Redacted.of(cause));
  }

  /** A cause without its message: the original's type, SQL state, error code and stack trace. */
  static final class Redacted extends RuntimeException {

    private Redacted(String message, Throwable cause) {
      super(message, cause);
    }

    static Throwable of(Throwable original) {
      if (original == null) {
        return null;
      }
      String text = original.getClass().getName();
      if (original instanceof SQLException sql) {
        text += " (SQL state " + sql.getSQLState() + ", error code " + sql.getErrorCode() + ")";
      }
      Throwable next = original.getCause() == original ? null : original.getCause();
      var redacted = new Redacted(text + ", message withheld", of(next));
      redacted.setStackTrace(original.getStackTrace());
      return redacted;
    }
  }
}
