package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_EXPIRES_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_REMINDER_AT;

import dk.mico.rightsdesk.identity.ConfirmationLetters;
import dk.mico.rightsdesk.identity.EmailConfirmations;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends a confirmation link, the first or one asked for again, and sets when the link expires and when the reminder
 * is due (a link sent again keeps the first one's expiry, so the timers stay as they are).
 */
@Component
class SendConfirmationLinkDelegate implements JavaDelegate {

  private final ConfirmationLetters letters;
  private final EmailConfirmations confirmations;

  SendConfirmationLinkDelegate(ConfirmationLetters letters, EmailConfirmations confirmations) {
    this.letters = letters;
    this.confirmations = confirmations;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the execution's id tells this sending apart from a later one, and stays the same when this job is retried
    Instant expiresAt = letters.sendLink(execution.getProcessBusinessKey(), execution.getId());
    execution.setVariable(CONFIRMATION_EXPIRES_AT, Date.from(expiresAt));
    execution.setVariable(CONFIRMATION_REMINDER_AT, Date.from(confirmations.reminderAt(expiresAt)));
  }
}
