package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.INBOUND_EMAIL_ID;

import dk.mico.rightsdesk.inbox.Inbox;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Flags the stored e-mail handled in the GDPR mailbox; its own job, so a mailbox that is down is retried. */
@Component
class FlagEmailHandledInMailboxDelegate implements JavaDelegate {

  private final Inbox inbox;

  FlagEmailHandledInMailboxDelegate(Inbox inbox) {
    this.inbox = inbox;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    inbox.flagHandledInMailbox(((Number) execution.getVariable(INBOUND_EMAIL_ID)).longValue());
  }
}
