package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.DECIDED_BY;

import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The balancing of a general objection (Art 21(1)): the task shows the processing to weigh; the officer upholds the
 * objection (the processing stops) or rejects it with the compelling legitimate grounds, which the letter gives.
 */
@Component
class BalanceObjectionListener implements TaskListener {

  private final RequestLifecycle lifecycle;
  private final LegalBasisReview review;
  private final TaskScreen screen;

  BalanceObjectionListener(RequestLifecycle lifecycle, LegalBasisReview review, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.review = review;
    this.screen = screen;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      screen.showRequest(task, lifecycle.get(reference));
      task.setVariableLocal("weighedProcessing", review.proposals(reference).stream()
          .filter(p -> "BALANCE".equals(p.outcome()))
          .map(BalanceObjectionListener::describe)
          .collect(Collectors.joining("\n")));
      task.setVariableLocal("balancingDecision", null);
      task.setVariableLocal("balancingGrounds", null);
      return;
    }
    String officer = Officers.current(task.getProcessEngineServices());
    try {
      review.recordBalancing(reference, TaskScreen.field(task, "balancingDecision"),
          TaskScreen.field(task, "balancingGrounds"), officer);
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
    task.getExecution().setVariable(DECIDED_BY, officer);
  }

  private static String describe(Proposal p) {
    return p.system() + " / " + p.table() + " " + p.recordId() + ": " + String.join(", ", p.categories()) + " ("
        + p.legalBasis() + ")";
  }
}
