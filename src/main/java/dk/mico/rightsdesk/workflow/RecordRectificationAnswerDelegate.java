package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_NEEDS_APPROVAL;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.DECIDED_BY;

import dk.mico.rightsdesk.fulfilment.Rectifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the answer of a rectification and removes the corrected value; a person decided it, so it is approved. */
@Component
class RecordRectificationAnswerDelegate implements JavaDelegate {

  private final Rectifications rectifications;

  RecordRectificationAnswerDelegate(Rectifications rectifications) {
    this.rectifications = rectifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rectifications.recordAnswer(execution.getProcessBusinessKey(), (String) execution.getVariable(DECIDED_BY));
    execution.setVariable(ANSWER_NEEDS_APPROVAL, true);
  }
}
