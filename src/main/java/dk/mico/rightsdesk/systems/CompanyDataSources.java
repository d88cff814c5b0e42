package dk.mico.rightsdesk.systems;

import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One small connection pool per declared company datasource. They are deliberately not Spring {@code DataSource}
 * beans: Spring Boot's DataSource auto-configuration backs off when any DataSource bean exists and the Camunda
 * starter takes the single (or primary) one, so a second bean would take the engine's place. The pools connect on
 * first use, so a company database that is down does not stop the start, and they close with the application.
 */
@Component
public class CompanyDataSources implements AutoCloseable {

  static final int MAX_POOL_SIZE = 4;
  private static final long CONNECTION_TIMEOUT_MILLIS = 10_000;

  private final Map<String, HikariDataSource> pools = new LinkedHashMap<>();

  public CompanyDataSources(CompanyProperties properties) {
    properties.datasources().forEach((name, declared) -> pools.put(name, pool(name, declared)));
  }

  private static HikariDataSource pool(String name, CompanyProperties.Datasource declared) {
    // the no-argument constructor starts the pool lazily, on the first connection asked for
    var pool = new HikariDataSource();
    pool.setPoolName("company-" + name);
    pool.setJdbcUrl(declared.url());
    pool.setUsername(declared.username());
    pool.setPassword(declared.password());
    pool.setMaximumPoolSize(MAX_POOL_SIZE);
    pool.setMinimumIdle(0);
    pool.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
    return pool;
  }

  /** The pool of a declared datasource. */
  DataSource get(String name) {
    HikariDataSource pool = pools.get(name);
    if (pool == null) {
      throw new IllegalArgumentException("datasource " + name + " is not declared under rightsdesk.company");
    }
    return pool;
  }

  @Override
  public void close() {
    pools.values().forEach(HikariDataSource::close);
  }
}
