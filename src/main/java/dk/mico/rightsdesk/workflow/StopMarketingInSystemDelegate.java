package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.MarketingRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stops direct marketing to the address in one system, at once (Art 21(3)). */
@Component
class StopMarketingInSystemDelegate implements JavaDelegate {

  private final MarketingRights rights;

  StopMarketingInSystemDelegate(MarketingRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.stopMarketing(execution.getProcessBusinessKey(),
        (String) execution.getVariable(SYSTEM_ID));
  }
}
