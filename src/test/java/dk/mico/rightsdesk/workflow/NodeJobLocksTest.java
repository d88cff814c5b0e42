package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.support.TestClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node restarted after a crash takes back at once the jobs its former self had locked, under its stable name, and
 * leaves the locks of every other node alone. Engines of their own on one in-memory database stand for the node
 * before and after its restart.
 */
class NodeJobLocksTest {

  private final String database = "jdbc:h2:mem:node-job-locks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private ProcessEngine engine;

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void theJobExecutorLocksUnderTheConfiguredNodeName() {
    engine = start(new NodeJobLocks("node-a", 8080));

    assertThat(configuration().getJobExecutor().getLockOwner()).isEqualTo("node-a");
  }

  @Test
  void withoutAConfiguredNameTheNodeIsItsHostAndPort() throws Exception {
    engine = start(new NodeJobLocks(" ", 8443));

    assertThat(configuration().getJobExecutor().getLockOwner())
        .isEqualTo(InetAddress.getLocalHost().getHostName() + ":8443");
  }

  @Test
  void aRestartReleasesTheLocksItsFormerSelfHeldAndNoOtherNodes() {
    engine = start(new NodeJobLocks("node-a", 8080));
    engine.getRepositoryService().createDeployment()
        .addModelInstance("oneJob.bpmn", Bpmn.createExecutableProcess("OneJob").camundaHistoryTimeToLive(1)
            .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
        .deploy();
    String mine = lockedBy("node-a");
    String others = lockedBy("node-b");
    String expired = lockedBy("node-a");
    setLock(expired, "node-a", TestClock.now().minusSeconds(1));
    engine.close();

    engine = start(new NodeJobLocks("node-a", 8080)); // the same node after a kill -9

    assertThat(lockOwner(mine)).as("the former self's job, free to run at once").isNull();
    assertThat(lockOwner(others)).as("another node's job, still running there").isEqualTo("node-b");
    assertThat(lockOwner(expired)).as("a lock that ran out is left to the job executor").isEqualTo("node-a");
    assertThat(engine.getManagementService().createJobQuery().acquired().list()).extracting(Job::getId)
        .containsExactly(others);
  }

  private ProcessEngine start(NodeJobLocks plugin) {
    var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl(database)
        .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE) // the database outlives the node
        .setJobExecutorActivate(false)
        .setProcessEngineName("node-job-locks");
    configuration.setProcessEnginePlugins(List.of(plugin));
    return configuration.buildProcessEngine();
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /** A job of a new instance, locked as the job executor of that node locks it. */
  private String lockedBy(String node) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("OneJob").getId();
    String job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
    setLock(job, node, TestClock.now().plus(Duration.ofMinutes(5)));
    return job;
  }

  private void setLock(String jobId, String owner, Instant until) {
    configuration().getCommandExecutorTxRequired().execute(commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      job.setLockOwner(owner);
      job.setLockExpirationTime(Date.from(until));
      return null;
    });
  }

  private String lockOwner(String jobId) {
    return configuration().getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.getJobManager().findJobById(jobId).getLockOwner());
  }
}
