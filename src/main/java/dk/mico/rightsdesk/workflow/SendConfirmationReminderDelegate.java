package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.identity.ConfirmationLetters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The one reminder before the confirmation link expires. */
@Component
class SendConfirmationReminderDelegate implements JavaDelegate {

  private final ConfirmationLetters letters;

  SendConfirmationReminderDelegate(ConfirmationLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    letters.sendReminder(execution.getProcessBusinessKey());
  }
}
