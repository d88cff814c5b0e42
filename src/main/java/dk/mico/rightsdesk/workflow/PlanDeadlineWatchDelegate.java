package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.DEADLINE_WATCH_PROCESS_ID;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.FINAL_WARNING_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.FIRST_REMINDER_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.OVERDUE_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.request.RequestDeadlines;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Plans the watch for the request's deadline in force: the timers' dates, and the due date of every open officer
 * task of the request, in its own process and in every process it called, so that Tasklist sorts and flags them by
 * the deadline that holds now. Runs in the deadline watch the request's process calls at start and again whenever the
 * deadline moves (extension, pause).
 */
@Component
class PlanDeadlineWatchDelegate implements JavaDelegate {

  /** Tasks due within the first month after receipt whatever the deadline in force (Art 12(3)): never moved. */
  private static final Set<String> DUE_IN_FIRST_MONTH = Set.of("UserTask_PostExtensionLetter");

  private final RequestDeadlines deadlines;

  PlanDeadlineWatchDelegate(RequestDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    DeadlineWatch.Plan plan = deadlines.watchPlan(reference);
    execution.setVariable(FIRST_REMINDER_AT, Date.from(plan.firstReminderAt()));
    execution.setVariable(FINAL_WARNING_AT, Date.from(plan.finalWarningAt()));
    execution.setVariable(OVERDUE_AT, Date.from(plan.overdueAt()));
    Date taskDue = Date.from(plan.taskDueAt());
    // a request started before the watch was a process of its own watches inside its own process, which holds the copy
    if (execution.hasVariable(TASK_DUE_DATE)) {
      execution.setVariable(TASK_DUE_DATE, taskDue);
    }
    moveOpenTasks(execution.getProcessEngineServices(), execution.getProcessInstanceId(), reference, taskDue);
  }

  /**
   * Tasks created later read {@code taskDueDate}: the request's process and the processes it called each hold a copy.
   * The watch needs none, and the watch that a moved deadline replaced ends in this same transaction.
   */
  static void moveOpenTasks(ProcessEngineServices engine, String watchInstanceId, String reference, Date taskDue) {
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKeyNotIn(DEADLINE_WATCH_PROCESS_ID).active().list().stream()
        .filter(instance -> !instance.getId().equals(watchInstanceId))
        .forEach(instance -> engine.getRuntimeService().setVariable(instance.getId(), TASK_DUE_DATE, taskDue));
    for (Task task : engine.getTaskService().createTaskQuery().processInstanceBusinessKey(reference).list()) {
      if (!taskDue.equals(task.getDueDate()) && !DUE_IN_FIRST_MONTH.contains(task.getTaskDefinitionKey())) {
        task.setDueDate(taskDue);
        engine.getTaskService().saveTask(task);
      }
    }
  }
}
