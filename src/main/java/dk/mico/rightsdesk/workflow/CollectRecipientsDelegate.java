package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.NOTICE_ACTION;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.RECIPIENT_IDS;

import dk.mico.rightsdesk.fulfilment.RecipientNotices;
import dk.mico.rightsdesk.systems.DisclosureRegister.Recipient;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The recipients (Art 19) of the systems where this request changed something; each then gets its own notice job. */
@Component
class CollectRecipientsDelegate implements JavaDelegate {

  private final RecipientNotices notices;

  CollectRecipientsDelegate(RecipientNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String action = (String) execution.getVariable(NOTICE_ACTION);
    execution.setVariable(RECIPIENT_IDS, new ArrayList<>(notices.recipientsOfChanges(
        execution.getProcessBusinessKey(), action).stream().map(Recipient::id).toList()));
  }
}
