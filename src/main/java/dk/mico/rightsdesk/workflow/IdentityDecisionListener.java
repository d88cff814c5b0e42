package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_VERIFIED;

import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the officer's identity decision with what was checked, and routes the process by it. */
@Component
class IdentityDecisionListener implements TaskListener {

  private final RequestLifecycle lifecycle;

  IdentityDecisionListener(RequestLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = TaskScreen.field(task, "identityDecision");
    try {
      if (!"VERIFIED".equals(decision) && !"UNVERIFIABLE".equals(decision)) {
        throw new InvalidRequestException(List.of(new Violation("identityDecision", "choose a decision")));
      }
      boolean verified = "VERIFIED".equals(decision);
      lifecycle.recordIdentityDecision(task.getExecution().getProcessBusinessKey(), verified,
          TaskScreen.field(task, "identityNote"), Officers.current(task.getProcessEngineServices()));
      task.getExecution().setVariable(IDENTITY_VERIFIED, verified);
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
  }
}
