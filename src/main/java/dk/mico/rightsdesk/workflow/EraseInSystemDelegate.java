package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.PersonalRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Erases in one system what the officer decided to erase (Art 17). */
@Component
class EraseInSystemDelegate implements JavaDelegate {

  private final PersonalRights rights;

  EraseInSystemDelegate(PersonalRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.erase(execution.getProcessBusinessKey(), (String) execution.getVariable(SYSTEM_ID));
  }
}
