package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.MarketingRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Ends consent-based processing in one system and erases what was held only on consent (Art 7(3), 17(1)(b)). */
@Component
class WithdrawConsentInSystemDelegate implements JavaDelegate {

  private final MarketingRights rights;

  WithdrawConsentInSystemDelegate(MarketingRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.withdrawConsent(execution.getProcessBusinessKey(),
        (String) execution.getVariable(SYSTEM_ID));
  }
}
