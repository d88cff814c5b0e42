package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_NEEDS_APPROVAL;

import dk.mico.rightsdesk.fulfilment.MarketingRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the answer of a right carried out at once; its letter goes without approval, unless it quotes what a
 * system's owners wrote when they did the work by hand.
 */
@Component
class RecordAutomatedAnswerDelegate implements JavaDelegate {

  private final MarketingRights rights;

  RecordAutomatedAnswerDelegate(MarketingRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(ANSWER_NEEDS_APPROVAL, rights.recordAnswer(execution.getProcessBusinessKey()));
  }
}
