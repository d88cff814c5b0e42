package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.oversight.RequestWork;
import dk.mico.rightsdesk.oversight.StuckReason;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The engine's work for the running requests, read with one query per kind (process instances, incidents, failing
 * jobs, tasks, and the unclaimed tasks of each group), in pages so the engine's result limit never cuts a list short.
 * Incidents and failing jobs are few and read whole; process instances and tasks only for the requests asked about.
 * Tasks, incidents and jobs of a called fulfilment process count for the request whose main process called it.
 */
@Component
class CamundaRequestWork implements RequestWork {

  private static final int PAGE = 1000;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final IdentityService identity;
  private final ManagementService management;
  private final RepositoryService repository;
  private final JdbcClient jdbc;
  private final Clock clock;

  CamundaRequestWork(RuntimeService runtime, TaskService tasks, IdentityService identity,
      ManagementService management, RepositoryService repository, JdbcClient jdbc, Clock clock) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.identity = identity;
    this.management = management;
    this.repository = repository;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Attention attention() {
    List<Incident> causes = incidentCauses();
    List<Job> failing = failingJobs();
    Set<String> instances = new HashSet<>();
    causes.forEach(incident -> instances.add(incident.getProcessInstanceId()));
    failing.forEach(job -> instances.add(job.getProcessInstanceId()));
    // called processes get their caller's business key: an instance's key is its request's reference
    Map<String, String> referenceOf = new HashMap<>();
    List<String> ids = new ArrayList<>(instances);
    for (int first = 0; first < ids.size(); first += PAGE) {
      runtime.createProcessInstanceQuery()
          .processInstanceIds(new HashSet<>(ids.subList(first, Math.min(ids.size(), first + PAGE))))
          .list().stream().filter(instance -> instance.getBusinessKey() != null)
          .forEach(instance -> referenceOf.put(instance.getId(), instance.getBusinessKey()));
    }
    StepNames steps = new StepNames();
    Map<String, Integer> incidents = new HashMap<>();
    Map<String, List<StuckReason>> failures = new HashMap<>();
    for (Incident incident : causes) {
      String reference = referenceOf.get(incident.getProcessInstanceId());
      if (reference != null) {
        incidents.merge(reference, 1, Integer::sum);
        stuck(failures, reference, StuckReason.Kind.INCIDENT, incident.getIncidentTimestamp(),
            steps.of(incident.getProcessDefinitionId(), incident.getFailedActivityId() != null
                ? incident.getFailedActivityId() : incident.getActivityId()));
      }
    }
    for (Job job : failing) {
      // the engine keeps no time of the first failure below full history: the step's job waits since its creation
      stuck(failures, referenceOf.get(job.getProcessInstanceId()), StuckReason.Kind.FAILING_JOB, job.getCreateTime(),
          steps.of(job.getProcessDefinitionId(), job.getFailedActivityId()));
    }
    Set<String> stuck = new HashSet<>(overdueTaskReferences());
    stuck.addAll(failures.keySet());
    return new Attention(incidents, stuck, failures);
  }

  /**
   * The references of the requests with an active task past its due date: a quarter of 100,000 open requests may be
   * overdue, and the engine's task query would bring every task and then every process instance back as objects only
   * to read their business keys. Two reads joined here, not in SQL: the tasks' instances from the due date index
   * ({@link TaskDueDateIndex}), then the business keys of the process instances in one pass; H2 joining the two
   * looked each task's instance up by its id and took several times as long (docs/benchmarks.md).
   */
  private Set<String> overdueTaskReferences() {
    Set<String> instances = new HashSet<>(jdbc.sql("SELECT PROC_INST_ID_ FROM "
            + management.getTableName(Task.class) + " WHERE DUE_DATE_ < ? AND SUSPENSION_STATE_ = ?")
        .params(Timestamp.from(clock.instant()), SuspensionState.ACTIVE.getStateCode())
        .query(String.class).list());
    Set<String> references = new HashSet<>();
    if (!instances.isEmpty()) {
      jdbc.sql("SELECT ID_, BUSINESS_KEY_ FROM " + management.getTableName(Execution.class)
              + " WHERE ID_ = PROC_INST_ID_ AND BUSINESS_KEY_ IS NOT NULL")
          .query(row -> {
            if (instances.contains(row.getString("ID_"))) {
              references.add(row.getString("BUSINESS_KEY_"));
            }
          });
    }
    return references;
  }

  @Override
  public Map<String, InProgress> inProgress(Collection<String> references, Attention attention) {
    if (references.isEmpty()) {
      return Map.of();
    }
    Map<String, String> rootOf = new HashMap<>();
    Map<String, String> referenceOfRoot = new HashMap<>();
    Set<String> mainProcesses = new HashSet<>();
    for (ProcessInstance instance : instancesOf(references.toArray(String[]::new))) {
      rootOf.put(instance.getId(), instance.getRootProcessInstanceId());
      if (instance.getId().equals(instance.getRootProcessInstanceId()) && instance.getBusinessKey() != null) {
        referenceOfRoot.put(instance.getId(), instance.getBusinessKey());
        if (instance.getProcessDefinitionId().startsWith(DataSubjectRequestProcessVariables.PROCESS_ID + ":")) {
          mainProcesses.add(instance.getId());
        }
      }
    }
    if (rootOf.isEmpty()) {
      return Map.of();
    }

    // by the instances' ids, not their business keys: the engine's join on the key made H2 read every task
    String[] instances = rootOf.keySet().toArray(String[]::new);
    Map<String, List<String>> groupsOfTask = new HashMap<>();
    for (Group group : identity.createGroupQuery().list()) {
      for (Task task : all(tasks.createTaskQuery().taskCandidateGroup(group.getId())
          .processInstanceIdIn(instances).orderByTaskId().asc())) {
        groupsOfTask.computeIfAbsent(task.getId(), id -> new ArrayList<>()).add(group.getId());
      }
    }
    Date now = Date.from(clock.instant());
    Map<String, List<WaitingTask>> tasksOfRoot = new HashMap<>();
    Map<String, List<StuckReason>> overdueOfRoot = new HashMap<>();
    for (Task task : all(tasks.createTaskQuery().active().processInstanceIdIn(instances).orderByTaskId().asc())) {
      String root = rootOf.get(task.getProcessInstanceId());
      if (root != null) {
        tasksOfRoot.computeIfAbsent(root, id -> new ArrayList<>()).add(
            new WaitingTask(task.getName(), task.getAssignee(), groupsOfTask.getOrDefault(task.getId(), List.of())));
        if (task.getDueDate() != null && task.getDueDate().before(now)) {
          stuck(overdueOfRoot, root, StuckReason.Kind.OVERDUE_TASK, task.getDueDate(), task.getName());
        }
      }
    }

    // a request's work is that of every top-level process under its reference; the link goes to its main process
    Map<String, InProgress> byReference = new HashMap<>();
    referenceOfRoot.forEach((root, reference) -> byReference.merge(reference,
        new InProgress(mainProcesses.contains(root) ? root : null, 0, tasksOfRoot.getOrDefault(root, List.of()),
            overdueOfRoot.getOrDefault(root, List.of())),
        CamundaRequestWork::merge));
    // incidents and failing steps count once per request, whichever of its processes they are in
    byReference.replaceAll((reference, work) -> merge(work, new InProgress(null,
        attention.openIncidents().getOrDefault(reference, 0), List.of(),
        attention.failures().getOrDefault(reference, List.of()))));
    return byReference;
  }

  /** The process instances under these business keys, called ones included (they carry their caller's key). */
  private List<ProcessInstance> instancesOf(String[] keys) {
    StringBuilder in = new StringBuilder();
    var query = runtime.createNativeProcessInstanceQuery();
    for (int i = 0; i < keys.length; i++) {
      in.append(i == 0 ? "" : ", ").append("#{key").append(i).append('}');
      query.parameter("key" + i, keys[i]);
    }
    return query.sql("SELECT * FROM " + management.getTableName(Execution.class)
        + " WHERE ID_ = PROC_INST_ID_ AND BUSINESS_KEY_ IN (" + in + ")").list();
  }

  /** Open incidents, each once: an incident in a called process is repeated on the calling activity. */
  private List<Incident> incidentCauses() {
    return all(runtime.createIncidentQuery().orderByIncidentId().asc()).stream()
        .filter(incident -> incident.getId().equals(incident.getRootCauseIncidentId())).toList();
  }

  /** Steps that failed at least once and are retrying; a job without retries left is an incident. */
  private List<Job> failingJobs() {
    return all(management.createJobQuery().withException().withRetriesLeft().orderByJobId().asc());
  }

  private static void stuck(Map<String, List<StuckReason>> reasons, String key, StuckReason.Kind kind, Date since,
      String step) {
    if (key != null) {
      reasons.computeIfAbsent(key, id -> new ArrayList<>()).add(new StuckReason(kind, since.toInstant(), step));
    }
  }

  private static InProgress merge(InProgress one, InProgress other) {
    return new InProgress(one.processInstanceId() != null ? one.processInstanceId() : other.processInstanceId(),
        one.openIncidents() + other.openIncidents(), joined(one.tasks(), other.tasks()),
        joined(one.stuck(), other.stuck()));
  }

  private static <T> List<T> joined(List<T> one, List<T> other) {
    List<T> both = new ArrayList<>(one);
    both.addAll(other);
    return both;
  }

  /** The names of the models' steps, each model read once per call (the engine caches the parsed models). */
  private final class StepNames {

    private final Map<String, Map<String, String>> namesOfDefinition = new HashMap<>();

    /** The step's name in its model, or its id when it has none. */
    String of(String processDefinitionId, String activityId) {
      if (activityId == null) {
        return null;
      }
      String name = namesOfDefinition.computeIfAbsent(processDefinitionId, id -> {
        Map<String, String> names = new HashMap<>();
        repository.getBpmnModelInstance(id).getModelElementsByType(FlowElement.class)
            .forEach(element -> names.put(element.getId(), element.getName()));
        return names;
      }).get(activityId);
      // a name in the modeller may be broken over lines
      return name == null || name.isBlank() ? activityId : name.strip().replaceAll("\\s+", " ");
    }
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
