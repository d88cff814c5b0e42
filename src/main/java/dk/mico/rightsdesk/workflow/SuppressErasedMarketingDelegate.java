package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.fulfilment.PersonalRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Keeps a suppression entry where marketing data was erased, so the address is never added again. */
@Component
class SuppressErasedMarketingDelegate implements JavaDelegate {

  private final PersonalRights rights;

  SuppressErasedMarketingDelegate(PersonalRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.suppressErasedMarketing(execution.getProcessBusinessKey());
  }
}
