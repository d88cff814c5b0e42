package dk.mico.rightsdesk.workflow;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * An index on the engine's tasks by due date, which the engine's schema lacks: the managers' view asks which requests
 * have a task past its due date, and without it the database reads every task of 100,000 open requests on every call
 * (docs/benchmarks.md). Created at every start once the engine has made or updated its schema (not by Flyway, whose
 * migrations may run before the engine's tables exist on a fresh database), a no-op when it is there; with several
 * nodes on one database, the node that loses the race to create it finds it made by the other.
 */
@Component
class TaskDueDateIndex extends AbstractProcessEnginePlugin {

  static final String NAME = "RD_IDX_TASK_DUE_DATE";

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    String table = engine.getManagementService().getTableName(Task.class);
    DataSource dataSource = engine.getProcessEngineConfiguration().getDataSource();
    try (Connection connection = dataSource.getConnection()) {
      if (exists(connection, table)) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        // the suspension state and the process instance too: the stuck tasks' instances come from the index alone
        statement.execute("CREATE INDEX IF NOT EXISTS " + NAME + " ON " + table
            + " (DUE_DATE_, SUSPENSION_STATE_, PROC_INST_ID_)");
      } catch (SQLException raced) {
        if (!exists(connection, table)) {
          throw raced;
        }
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("could not create the index " + NAME + " on " + table, e);
    }
  }

  /** Whether the table has the index, read from the catalogue of its schema. */
  static boolean exists(Connection connection, String table) throws SQLException {
    DatabaseMetaData catalogue = connection.getMetaData();
    // PostgreSQL keeps unquoted names in lower case, H2 in upper case
    String stored = catalogue.storesLowerCaseIdentifiers() ? table.toLowerCase()
        : catalogue.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
    // the engine's table prefix may name a schema ("schema.ACT_RU_TASK")
    int dot = stored.lastIndexOf('.');
    String schema = dot < 0 ? connection.getSchema() : stored.substring(0, dot);
    try (ResultSet indexes = catalogue.getIndexInfo(null, schema, stored.substring(dot + 1), false, true)) {
      while (indexes.next()) {
        if (NAME.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
          return true;
        }
      }
    }
    return false;
  }
}
