package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Runs the jobs of a path that has no human step, one job per system and step, as the job executor would. */
final class AutomatedPaths {

  private AutomatedPaths() {}

  static void runAllJobs(ProcessInstance instance) {
    for (int round = 0; round < 50; round++) {
      List<Job> jobs = withCalledInstances(instance.getId()).stream()
          .flatMap(id -> managementService().createJobQuery().processInstanceId(id).list().stream())
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      // every step that talks to a company system is its own job, retried on its own
      assertThat(jobs).allSatisfy(job -> assertThat(job.getRetries()).isPositive());
      execute(jobs.get(0));
    }
    throw new AssertionError("the path does not end");
  }

  /** The instance and the instances its call activities started (such as the recipient notices), depth first. */
  private static List<String> withCalledInstances(String instanceId) {
    List<String> ids = new ArrayList<>(List.of(instanceId));
    for (ProcessInstance called : runtimeService().createProcessInstanceQuery().superProcessInstanceId(instanceId)
        .list()) {
      ids.addAll(withCalledInstances(called.getId()));
    }
    return ids;
  }
}
