package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the legal-basis decision tables about every record discovery found. */
@Component
class ProposeDecisionsDelegate implements JavaDelegate {

  private final LegalBasisReview review;

  ProposeDecisionsDelegate(LegalBasisReview review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    review.propose(execution.getProcessBusinessKey());
  }
}
