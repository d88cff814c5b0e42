package dk.mico.rightsdesk.workflow;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Each node locks the jobs it takes under a stable name of its own ({@code rightsdesk.node-name}; by default the host
 * name and the server port) instead of the engine's random one, so that a node restarted after a crash ({@code kill
 * -9}, a power cut) knows the jobs its former self had locked and takes them back at once rather than waiting for
 * their locks to run out. None of them can still be running: the JVM that held them is gone, and the database rolled
 * back its open transactions. So the name must be unique among the nodes that share a database.
 */
@Component
class NodeJobLocks extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NodeJobLocks.class);

  private final String nodeName;

  NodeJobLocks(@Value("${rightsdesk.node-name:}") String configured, @Value("${server.port:8080}") int port) {
    this.nodeName = configured.isBlank() ? hostName() + ":" + port : configured.strip();
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getJobExecutor().setLockOwner(nodeName);
  }

  /** Runs before the job executor starts (the starter starts it once the application is ready). */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    List<Job> acquired = engine.getManagementService().createJobQuery().acquired().list();
    int released = 0;
    for (Job job : acquired) {
      if (nodeName.equals(((JobEntity) job).getLockOwner())) {
        try {
          released += configuration.getCommandExecutorTxRequired().execute(releaseIfStillOurs(job.getId()));
        } catch (OptimisticLockingException e) {
          LOG.debug("Job {} changed while its lock was being released", job.getId(), e);
        }
      }
    }
    if (released > 0) {
      LOG.info("Released {} job(s) that node {} had locked before it stopped; they run now", released, nodeName);
    }
  }

  /** The lock is released only if it is still this node's: another node may have taken the job meanwhile. */
  private Command<Integer> releaseIfStillOurs(String jobId) {
    return commandContext -> {
      JobEntity job = commandContext.getJobManager().findJobById(jobId);
      if (job == null || !nodeName.equals(job.getLockOwner())) {
        return 0;
      }
      job.unlock();
      return 1;
    };
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("no host name: set rightsdesk.node-name to a name unique to this node", e);
    }
  }
}
