package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.STILL_OVERDUE;

import dk.mico.rightsdesk.request.RequestDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks the request overdue in its record (once) and tells the watch whether it still is. */
@Component
class RecordOverdueDelegate implements JavaDelegate {

  private final RequestDeadlines deadlines;

  RecordOverdueDelegate(RequestDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(STILL_OVERDUE, deadlines.markOverdue(execution.getProcessBusinessKey()));
  }
}
