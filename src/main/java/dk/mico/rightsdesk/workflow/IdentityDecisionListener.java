package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_INFORMATION_REQUESTED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_VERIFIED;

import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestDeadlines;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the officer's identity decision with what was checked, and routes the process by it: verified,
 * unverifiable, or ask the subject for more information (Art 12(6)), where the note says what is needed.
 */
@Component
class IdentityDecisionListener implements TaskListener {

  private final RequestLifecycle lifecycle;
  private final RequestDeadlines deadlines;

  IdentityDecisionListener(RequestLifecycle lifecycle, RequestDeadlines deadlines) {
    this.lifecycle = lifecycle;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = TaskScreen.field(task, "identityDecision");
    String reference = task.getExecution().getProcessBusinessKey();
    String officer = Officers.current(task.getProcessEngineServices());
    try {
      switch (decision == null ? "" : decision) {
        case "VERIFIED", "UNVERIFIABLE" -> {
          boolean verified = "VERIFIED".equals(decision);
          lifecycle.recordIdentityDecision(reference, verified, TaskScreen.field(task, "identityNote"),
              TaskScreen.field(task, "identityMissing"), TaskScreen.field(task, "identityFutileReason"), officer);
          task.getExecution().setVariable(IDENTITY_VERIFIED, verified);
          task.getExecution().setVariable(IDENTITY_INFORMATION_REQUESTED, false);
        }
        case "ASK_FOR_INFORMATION" -> {
          deadlines.askForIdentityInformation(reference, TaskScreen.field(task, "identityNote"), officer);
          task.getExecution().setVariable(IDENTITY_VERIFIED, false);
          task.getExecution().setVariable(IDENTITY_INFORMATION_REQUESTED, true);
        }
        default -> throw new InvalidRequestException(List.of(new Violation("identityDecision", "choose a decision")));
      }
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
  }
}
