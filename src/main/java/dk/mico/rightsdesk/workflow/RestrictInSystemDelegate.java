package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.PersonalRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Marks restricted in one system what the officer decided to restrict (Art 18). */
@Component
class RestrictInSystemDelegate implements JavaDelegate {

  private final PersonalRights rights;

  RestrictInSystemDelegate(PersonalRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.restrict(execution.getProcessBusinessKey(), (String) execution.getVariable(SYSTEM_ID));
  }
}
