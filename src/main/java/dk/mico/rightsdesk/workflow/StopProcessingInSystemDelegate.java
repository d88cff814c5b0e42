package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.PersonalRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stops in one system the processing a general objection ended (Art 21(1)). */
@Component
class StopProcessingInSystemDelegate implements JavaDelegate {

  private final PersonalRights rights;

  StopProcessingInSystemDelegate(PersonalRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.stopProcessing(execution.getProcessBusinessKey(), (String) execution.getVariable(SYSTEM_ID));
  }
}
