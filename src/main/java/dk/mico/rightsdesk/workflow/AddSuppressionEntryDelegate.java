package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.fulfilment.MarketingRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps a suppression entry so the address is never added to marketing again (Art 21(3)). */
@Component
class AddSuppressionEntryDelegate implements JavaDelegate {

  private final MarketingRights rights;

  AddSuppressionEntryDelegate(MarketingRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.suppress(execution.getProcessBusinessKey());
  }
}
