package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.OUTCOME;

import dk.mico.rightsdesk.request.Outcome;
import dk.mico.rightsdesk.request.RequestLifecycle;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the request record with the task's {@code outcome} input, or with the outcome decided on the way. */
@Component
class CloseRequestDelegate implements JavaDelegate {

  private final RequestLifecycle lifecycle;

  CloseRequestDelegate(RequestLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object outcome = execution.getVariableLocal(OUTCOME);
    lifecycle.close(execution.getProcessBusinessKey(), outcome == null ? null : Outcome.valueOf((String) outcome));
  }
}
