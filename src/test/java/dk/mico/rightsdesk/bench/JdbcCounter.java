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
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
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
  /** Executions per statement text, to show where the statements of a phase come from. */
  private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();
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
    return new Counts(statements.sum(), commits.sum(), bySql.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().sum())));
  }

  private Connection counted(Connection connection) {
    InvocationHandler handler = new InvocationHandler() {
      @Override
      public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        Object result = call(connection, method, args);
        switch (method.getName()) {
          case "commit" -> count(commits);
          case "createStatement" ->
              result = statement((Statement) result, Statement.class, null, connection, proxy);
          case "prepareStatement" -> result =
              statement((Statement) result, PreparedStatement.class, (String) args[0], connection, proxy);
          case "prepareCall" ->
              result = statement((Statement) result, CallableStatement.class, (String) args[0], connection, proxy);
          default -> { }
        }
        return result;
      }
    };
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
        handler);
  }

  private Object statement(Statement target, Class<? extends Statement> type, String preparedSql,
      Connection connection, Object connectionProxy) {
    InvocationHandler handler = (proxy, method, args) -> {
      if (method.getName().equals("getConnection")) {
        return connectionProxy;
      }
      Object result = call(target, method, args);
      String name = method.getName();
      if (EXECUTIONS.contains(name)) {
        count(statements);
        String sql = preparedSql != null ? preparedSql : args != null && args.length > 0 ? (String) args[0] : "?";
        count(bySql.computeIfAbsent(shortened(sql), key -> new LongAdder()));
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

  private static String shortened(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ").trim();
    return oneLine.length() > 110 ? oneLine.substring(0, 110) + "…" : oneLine;
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  record Counts(long statements, long commits, Map<String, Long> bySql) {
    Counts minus(Counts before) {
      return new Counts(statements - before.statements, commits - before.commits, bySql.entrySet().stream()
          .collect(Collectors.toMap(Map.Entry::getKey,
              entry -> entry.getValue() - before.bySql.getOrDefault(entry.getKey(), 0L))));
    }

    /** The statements run most often, most first, as "count  text" lines. */
    String mostRun(int limit) {
      return bySql.entrySet().stream().filter(entry -> entry.getValue() > 0)
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).limit(limit)
          .map(entry -> "%8d  %s".formatted(entry.getValue(), entry.getKey()))
          .collect(Collectors.joining(System.lineSeparator()));
    }
  }
}
