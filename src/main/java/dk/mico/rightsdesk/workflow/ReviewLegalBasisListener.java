package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.DECIDED_BY;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.NEEDS_BALANCING;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The officer's review of the legal-basis proposals. The task shows the request and links to the review page, where
 * each candidate (a record found by identifiers that prove nothing) is confirmed or rejected and each proposal is
 * confirmed or overridden (Tasklist's forms cannot hold a list with a decision per row); the task completes only when
 * every candidate and every proposal is decided.
 */
@Component
class ReviewLegalBasisListener extends RequestTaskListener {

  private final RequestLifecycle lifecycle;
  private final LegalBasisReview review;
  private final Discovery discovery;

  ReviewLegalBasisListener(RequestLifecycle lifecycle, LegalBasisReview review, Discovery discovery,
      TaskScreen screen) {
    super(lifecycle, screen);
    this.lifecycle = lifecycle;
    this.review = review;
    this.discovery = discovery;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    return Map.of("reviewLink", "/officer/review/" + request.reference(),
        "proposalCount", String.valueOf(review.proposals(request.reference()).size()),
        "candidateCount", String.valueOf(discovery.candidates(request.reference()).size()));
  }

  @Override
  void completed(DelegateTask task, String reference, String officer) {
    discovery.requireCandidatesDecided(reference);
    review.requireAllDecided(reference);
    lifecycle.recordStep(lifecycle.get(reference), Step.LEGAL_BASIS_REVIEWED, officer, null);
    task.getExecution().setVariable(DECIDED_BY, officer);
    task.getExecution().setVariable(NEEDS_BALANCING, review.needsBalancing(reference));
  }
}
