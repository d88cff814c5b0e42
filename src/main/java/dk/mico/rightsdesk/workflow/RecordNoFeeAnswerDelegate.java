package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.request.RequestOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No answer to the fee letter in time: the request is recorded as refused under Art 12(5). */
@Component
class RecordNoFeeAnswerDelegate implements JavaDelegate {

  private final RequestOutcomes outcomes;

  RecordNoFeeAnswerDelegate(RequestOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    outcomes.feeNotAnswered(execution.getProcessBusinessKey());
  }
}
