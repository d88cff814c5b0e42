package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_NEEDS_APPROVAL;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.DECIDED_BY;

import dk.mico.rightsdesk.fulfilment.RightsAnswers;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the answer of a reviewed erasure, restriction or objection; a person decided it, so it needs approval. */
@Component
class RecordRightsAnswerDelegate implements JavaDelegate {

  private final RightsAnswers answers;

  RecordRightsAnswerDelegate(RightsAnswers answers) {
    this.answers = answers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    answers.recordAnswer(execution.getProcessBusinessKey(), (String) execution.getVariable(DECIDED_BY));
    execution.setVariable(ANSWER_NEEDS_APPROVAL, true);
  }
}
