package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.fulfilment.PersonalRights;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Erases the records kept for a legal retention period, now that it has ended. */
@Component
class EraseAfterRetentionDelegate implements JavaDelegate {

  private final PersonalRights rights;

  EraseAfterRetentionDelegate(PersonalRights rights) {
    this.rights = rights;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rights.eraseAfterRetention(execution.getProcessBusinessKey());
  }
}
