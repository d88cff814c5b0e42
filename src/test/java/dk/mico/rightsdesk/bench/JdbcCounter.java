package dk.mico.rightsdesk.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements and commits that reach the database through one data source, at the JDBC boundary, so
 * that H2 and PostgreSQL are counted the same way (PostgreSQL's pg_stat_statements would need the server restarted
 * with the module preloaded). A statement in a batch counts once per row sent; a statement run in auto-commit mode
 * counts as a commit too. The benchmark's own polling thread is left out.
 */
final class JdbcCounter {

  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
      "executeLargeUpdate", "addBatch");

  private final LongAdder statements = new LongAdder();
  private final LongAdder commits = new LongAdder();
  private final ThreadLocal<Boolean> uncounted = ThreadLocal.withInitial(() -> false);

  DataSource wrap(DataSource target) {
    return new DelegatingDataSource(target) {
      @Override
      public Connection getConnection() throws SQLException {
        return counted(super.getConnection());
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return counted(super.getConnection(username, password));
      }
    };
  }

  /** Runs the caller's own database reads without counting them. */
  void leaveOutThisThread() {
    uncounted.set(true);
  }

  Counts snapshot() {
    return new Counts(statements.sum(), commits.sum());
  }

  private Connection counted(Connection connection) {
    InvocationHandler handler = new InvocationHandler() {
      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object result = call(connection, method, args);
        switch (method.getName()) {
          case "commit" -> count(commits);
          case "createStatement" -> result = statement((Statement) result, Statement.class, connection, proxy);
          case "prepareStatement" -> result =
              statement((Statement) result, PreparedStatement.class, connection, proxy);
          case "prepareCall" -> result = statement((Statement) result, CallableStatement.class, connection, proxy);
          default -> { }
        }
        return result;
      }
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  private Object statement(Statement target, Class<? extends Statement> type, Connection connection,
      Object connectionProxy) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("getConnection")) {
        return connectionProxy;
      }
      Object result = call(target, method, args);
      String name = method.getName();
      if (EXECUTIONS.contains(name)) {
        count(statements);
      }
      if ((EXECUTIONS.contains(name) && !name.equals("addBatch") || name.equals("executeBatch"))
          && connection.getAutoCommit()) {
        count(commits);
      }
      return result;
    };
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  private void count(LongAdder adder) {
    if (!uncounted.get()) {
      adder.increment();
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  record Counts(long statements, long commits) {
    Counts minus(Counts before) {
      return new Counts(statements - before.statements, commits - before.commits);
    }
  }
}
