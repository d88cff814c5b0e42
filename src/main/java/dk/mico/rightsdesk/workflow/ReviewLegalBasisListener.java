package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.DECIDED_BY;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.NEEDS_BALANCING;

import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The officer's review of the legal-basis proposals. The task shows the request and links to the review page, where
 * each proposal is confirmed or overridden (Tasklist's forms cannot hold a list with a decision per row); the task
 * completes only when every proposal is decided.
 */
@Component
class ReviewLegalBasisListener implements TaskListener {

  private final RequestLifecycle lifecycle;
  private final LegalBasisReview review;
  private final TaskScreen screen;

  ReviewLegalBasisListener(RequestLifecycle lifecycle, LegalBasisReview review, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.review = review;
    this.screen = screen;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      screen.showRequest(task, lifecycle.get(reference));
      task.setVariableLocal("reviewLink", "/officer/review/" + reference);
      task.setVariableLocal("proposalCount", String.valueOf(review.proposals(reference).size()));
      return;
    }
    try {
      review.requireAllDecided(reference);
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
    String officer = Officers.current(task.getProcessEngineServices());
    lifecycle.recordStep(lifecycle.get(reference), Step.LEGAL_BASIS_REVIEWED, officer, null);
    task.getExecution().setVariable(DECIDED_BY, officer);
    task.getExecution().setVariable(NEEDS_BALANCING, review.needsBalancing(reference));
  }
}
