package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.NOTICE_ACTION;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.RECIPIENT_ID;

import dk.mico.rightsdesk.fulfilment.RecipientNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells one recipient of the change (Art 19), once; a failure is retried and then becomes an incident. */
@Component
class NotifyRecipientDelegate implements JavaDelegate {

  private final RecipientNotices notices;

  NotifyRecipientDelegate(RecipientNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.notify(execution.getProcessBusinessKey(), (String) execution.getVariable(RECIPIENT_ID),
        (String) execution.getVariable(NOTICE_ACTION));
  }
}
