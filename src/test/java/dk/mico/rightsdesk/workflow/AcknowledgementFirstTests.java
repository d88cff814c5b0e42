package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When many people submit at once, each one's acknowledgement is taken before the confirmation links and other work
 * queued beside it (docs/benchmarks.md, "Fifty people submitting at the same moment"): the job executor takes jobs
 * highest priority first, and the acknowledgement's job has a higher priority than the jobs that follow it.
 */
@RightsDeskSpringTest
class AcknowledgementFirstTests {

  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @Autowired ProcessEngineConfigurationImpl engine;

  @BeforeEach
  @AfterEach
  void reset() {
    driver.reset();
  }

  @Test
  void theJobExecutorTakesJobsHighestPriorityFirst() {
    assertThat(engine.isJobExecutorAcquireByPriority()).isTrue();
  }

  @Test
  void anAcknowledgementOutranksTheConfirmationLinkQueuedAfterIt() throws Exception {
    String first = api.submitPublic("""
        {"type": "ERASURE", "name": "Ane Først", "email": "ane.foerst@example.dk"}""");
    String second = api.submitPublic("""
        {"type": "ERASURE", "name": "Bo Anden", "email": "bo.anden@example.dk"}""");
    management.executeJob(acknowledgementJob(first).getId());

    Job firstsLink = management.createJobQuery().activityId("Task_SendConfirmationLink")
        .processInstanceId(runtime.createProcessInstanceQuery().processDefinitionKey("EmailConfirmationProcess")
            .superProcessInstanceId(mainInstance(first)).singleResult().getId())
        .singleResult();
    assertThat(acknowledgementJob(second).getPriority()).isGreaterThan(firstsLink.getPriority());
  }

  private Job acknowledgementJob(String reference) {
    return management.createJobQuery().activityId("Task_SendAcknowledgement").processInstanceId(mainInstance(reference))
        .singleResult();
  }

  private String mainInstance(String reference) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("DataSubjectRequestProcess")
        .processInstanceBusinessKey(reference).singleResult().getId();
  }
}
