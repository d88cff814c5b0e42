package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_INFORMATION_REQUESTED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_VERIFIED;

import dk.mico.rightsdesk.fulfilment.SubjectIdentifiers;
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
 * unverifiable, or ask the subject for more information (Art 12(6)), where the note says what is needed. An
 * identifier the officer adds here is kept with the request for discovery.
 */
@Component
class IdentityDecisionListener implements TaskListener {

  private final RequestLifecycle lifecycle;
  private final RequestDeadlines deadlines;
  private final SubjectIdentifiers identifiers;

  IdentityDecisionListener(RequestLifecycle lifecycle, RequestDeadlines deadlines, SubjectIdentifiers identifiers) {
    this.lifecycle = lifecycle;
    this.deadlines = deadlines;
    this.identifiers = identifiers;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = TaskScreen.field(task, "identityDecision");
    String reference = task.getExecution().getProcessBusinessKey();
    String officer = Officers.current(task.getProcessEngineServices());
    try {
      String identifier = TaskScreen.field(task, "identifierValue");
      if (identifier != null && !identifier.isBlank()) {
        // discovery, which runs after this check, looks the subject up by it too (candidates for the officer)
        identifiers.add(reference, TaskScreen.field(task, "identifierKind"), identifier, officer);
      }
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
