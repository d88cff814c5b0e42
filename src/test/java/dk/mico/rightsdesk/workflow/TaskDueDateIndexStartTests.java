package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import java.sql.Connection;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's engine has its tasks' due date index once it has started (the plugin is wired). */
@RightsDeskSpringTest
class TaskDueDateIndexStartTests {

  @Autowired DataSource dataSource;
  @Autowired ManagementService management;

  @Test
  void theEnginesTasksHaveTheirDueDateIndexOnceTheApplicationHasStarted() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(TaskDueDateIndex.exists(connection, management.getTableName(Task.class))).isTrue();
    }
  }
}
