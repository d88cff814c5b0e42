package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.support.TestPostgres;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The engine's tasks get their index by due date once the engine has made its schema: on a fresh database, again on
 * a restart (a no-op), and when two nodes sharing a PostgreSQL database create it at the same moment.
 */
class TaskDueDateIndexTest {

  @Test
  void aFreshH2DatabaseHasTheIndexAfterStartAndARestartKeepsIt() throws Exception {
    String database = "jdbc:h2:mem:task-due-date-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ProcessEngine first = start(database, null, List.of(new TaskDueDateIndex()));
    assertThat(hasIndex(first)).isTrue();
    first.close();

    ProcessEngine restarted = start(database, null, List.of(new TaskDueDateIndex()));
    try {
      assertThat(hasIndex(restarted)).isTrue();
    } finally {
      restarted.close();
    }
  }

  @Test
  void twoNodesCreatingItAtOnceOnOnePostgreSqlBothStart() throws Exception {
    assumeTrue(TestPostgres.reachable(), TestPostgres.absent());
    String schema = "task_due_" + Long.toHexString(System.nanoTime());
    TestPostgres.admin("CREATE SCHEMA " + schema);
    // an existing database (the engine's tables in a schema of their own, named by its table prefix), no index yet
    ProcessEngine engine = null;
    try {
      engine = start(TestPostgres.URL + "?currentSchema=" + schema, schema, List.of());
      assertThat(hasIndex(engine)).isFalse();
      ProcessEngine started = engine;
      CyclicBarrier together = new CyclicBarrier(2);
      Runnable node = () -> {
        try {
          together.await();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        new TaskDueDateIndex().postProcessEngineBuild(started);
      };
      CompletableFuture.allOf(CompletableFuture.runAsync(node), CompletableFuture.runAsync(node)).get();

      assertThat(hasIndex(engine)).isTrue();
    } finally {
      if (engine != null) {
        engine.close();
      }
      TestPostgres.admin("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private static ProcessEngine start(String url, String schema, List<ProcessEnginePlugin> plugins) {
    var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl(url)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
        .setJobExecutorActivate(false)
        .setProcessEngineName("task-due-date-index-" + UUID.randomUUID());
    if (schema != null) {
      configuration.setJdbcDriver("org.postgresql.Driver");
      configuration.setJdbcUsername(TestPostgres.USER);
      configuration.setJdbcPassword("");
      configuration.setDatabaseSchema(schema);
      configuration.setDatabaseTablePrefix(schema + ".");
    }
    configuration.setProcessEnginePlugins(plugins);
    return configuration.buildProcessEngine();
  }

  private static boolean hasIndex(ProcessEngine engine) throws Exception {
    try (Connection connection = engine.getProcessEngineConfiguration().getDataSource().getConnection()) {
      return TaskDueDateIndex.exists(connection, engine.getManagementService().getTableName(Task.class));
    }
  }
}
