package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.PersonalRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lifts in one system the restrictions of the request, after the subject was told (Art 18(3)). */
@Component
class LiftRestrictionInSystemDelegate implements JavaDelegate {

  private final PersonalRights rights;

  LiftRestrictionInSystemDelegate(PersonalRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.liftRestriction(execution.getProcessBusinessKey(), (String) execution.getVariable(SYSTEM_ID));
  }
}
