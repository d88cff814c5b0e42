package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_NEEDS_APPROVAL;

import dk.mico.rightsdesk.fulfilment.MarketingRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the answer of a right carried out with no human step; its letter then goes without approval. */
@Component
class RecordAutomatedAnswerDelegate implements JavaDelegate {

  private final MarketingRights rights;

  RecordAutomatedAnswerDelegate(MarketingRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.recordAnswer(execution.getProcessBusinessKey());
    execution.setVariable(ANSWER_NEEDS_APPROVAL, false);
  }
}
