package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.DECIDED_BY;

import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The balancing of a general objection (Art 21(1)): the task shows the processing to weigh; the officer upholds the
 * objection (the processing stops) or rejects it with the compelling legitimate grounds, which the letter gives.
 */
@Component
class BalanceObjectionListener extends RequestTaskListener {

  private final LegalBasisReview review;

  BalanceObjectionListener(RequestLifecycle lifecycle, LegalBasisReview review, TaskScreen screen) {
    super(lifecycle, screen);
    this.review = review;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    Map<String, Object> fields = inputFields("balancingDecision", "balancingGrounds");
    fields.put("weighedProcessing", review.proposals(request.reference()).stream()
        .filter(p -> "BALANCE".equals(p.outcome()))
        .map(BalanceObjectionListener::describe)
        .collect(Collectors.joining("\n")));
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String officer) {
    review.recordBalancing(reference, TaskScreen.field(task, "balancingDecision"),
        TaskScreen.field(task, "balancingGrounds"), officer);
    task.getExecution().setVariable(DECIDED_BY, officer);
  }

  private static String describe(Proposal p) {
    return p.system() + " / " + p.table() + " " + p.recordId() + ": " + String.join(", ", p.categories()) + " ("
        + p.legalBasis() + ")";
  }
}
