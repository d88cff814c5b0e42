package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.oversight.RequestWork;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The engine's work for all running requests, read with one query per kind (process instances, incidents, tasks, and
 * the unclaimed tasks of each group), in pages so the engine's result limit never cuts a list short. Tasks and
 * incidents of a called fulfilment process count for the request whose main process called it.
 */
@Component
class CamundaRequestWork implements RequestWork {

  private static final int PAGE = 1000;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;

  CamundaRequestWork(RuntimeService runtime, TaskService tasks, IdentityService identity) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
  }

  @Override
  public Map<String, InProgress> inProgress() {
    Map<String, String> rootOf = new HashMap<>();
    Map<String, String> referenceOfRoot = new HashMap<>();
    Set<String> mainProcesses = new HashSet<>();
    for (ProcessInstance instance : all(runtime.createProcessInstanceQuery().orderByProcessInstanceId().asc())) {
      rootOf.put(instance.getId(), instance.getRootProcessInstanceId());
      if (instance.getId().equals(instance.getRootProcessInstanceId()) && instance.getBusinessKey() != null) {
        referenceOfRoot.put(instance.getId(), instance.getBusinessKey());
        if (instance.getProcessDefinitionId().startsWith(DataSubjectRequestProcessVariables.PROCESS_ID + ":")) {
          mainProcesses.add(instance.getId());
        }
      }
    }

    Map<String, Integer> incidentsOfRoot = new HashMap<>();
    for (Incident incident : all(runtime.createIncidentQuery().orderByIncidentId().asc())) {
      // an incident in a called process is repeated on the calling activity: count the cause only
      if (incident.getId().equals(incident.getRootCauseIncidentId())) {
        incidentsOfRoot.merge(rootOf.get(incident.getProcessInstanceId()), 1, Integer::sum);
      }
    }

    Map<String, List<String>> groupsOfTask = new HashMap<>();
    for (Group group : identity.createGroupQuery().list()) {
      for (Task task : all(tasks.createTaskQuery().taskCandidateGroup(group.getId()).orderByTaskId().asc())) {
        groupsOfTask.computeIfAbsent(task.getId(), id -> new ArrayList<>()).add(group.getId());
      }
    }
    Map<String, List<WaitingTask>> tasksOfRoot = new HashMap<>();
    for (Task task : all(tasks.createTaskQuery().active().orderByTaskId().asc())) {
      String root = rootOf.get(task.getProcessInstanceId());
      if (root != null) {
        tasksOfRoot.computeIfAbsent(root, id -> new ArrayList<>()).add(
            new WaitingTask(task.getName(), task.getAssignee(), groupsOfTask.getOrDefault(task.getId(), List.of())));
      }
    }

    // a request's work is that of every top-level process under its reference; the link goes to its main process
    Map<String, InProgress> byReference = new HashMap<>();
    referenceOfRoot.forEach((root, reference) -> byReference.merge(reference,
        new InProgress(mainProcesses.contains(root) ? root : null, incidentsOfRoot.getOrDefault(root, 0),
            tasksOfRoot.getOrDefault(root, List.of())),
        CamundaRequestWork::merge));
    return byReference;
  }

  private static InProgress merge(InProgress one, InProgress other) {
    List<WaitingTask> waiting = new ArrayList<>(one.tasks());
    waiting.addAll(other.tasks());
    return new InProgress(one.processInstanceId() != null ? one.processInstanceId() : other.processInstanceId(),
        one.openIncidents() + other.openIncidents(), waiting);
  }

  private static <T> List<T> all(Query<?, T> query) {
    List<T> results = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<T> page = query.listPage(first, PAGE);
      results.addAll(page);
      if (page.size() < PAGE) {
        return results;
      }
    }
  }
}
