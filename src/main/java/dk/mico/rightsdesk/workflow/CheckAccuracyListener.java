package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.ACCURACY_DECISION;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.DECIDED_BY;

import dk.mico.rightsdesk.fulfilment.Rectifications;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The officer's check of a rectification (Art 16): correct a column, add a supplementary statement, or keep the
 * data as accurate with reasons. The corrected value stays a task-local field, which ends with the task; the process
 * gets only the decision.
 */
@Component
class CheckAccuracyListener implements TaskListener {

  private final RequestLifecycle lifecycle;
  private final Rectifications rectifications;
  private final TaskScreen screen;

  CheckAccuracyListener(RequestLifecycle lifecycle, Rectifications rectifications, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.rectifications = rectifications;
    this.screen = screen;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      screen.showRequest(task, lifecycle.get(reference));
      task.setVariableLocal("correctableColumns", String.join(", ", rectifications.correctableColumns(reference)));
      task.setVariableLocal("accuracyDecision", null);
      task.setVariableLocal("rectifyColumn", null);
      task.setVariableLocal("correctedValue", null);
      task.setVariableLocal("accuracyStatement", null);
      return;
    }
    String officer = Officers.current(task.getProcessEngineServices());
    String decision = TaskScreen.field(task, "accuracyDecision");
    try {
      rectifications.recordCheck(reference, decision, TaskScreen.field(task, "rectifyColumn"),
          TaskScreen.field(task, "correctedValue"), TaskScreen.field(task, "accuracyStatement"), officer);
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
    task.getExecution().setVariable(ACCURACY_DECISION, decision);
    task.getExecution().setVariable(DECIDED_BY, officer);
  }
}
