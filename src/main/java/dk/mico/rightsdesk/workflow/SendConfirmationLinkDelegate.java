package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.BOUNDARY_LINK_EXPIRED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.BOUNDARY_REMINDER_DUE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_EXPIRES_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.CONFIRMATION_REMINDER_AT;

import dk.mico.rightsdesk.identity.ConfirmationLetters;
import dk.mico.rightsdesk.identity.EmailConfirmations;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends a confirmation link, the first or one asked for again, and moves the expiry and reminder timers to the new
 * link's expiry.
 */
@Component
class SendConfirmationLinkDelegate implements JavaDelegate {

  private final ConfirmationLetters letters;
  private final EmailConfirmations confirmations;
  private final ManagementService management;

  SendConfirmationLinkDelegate(ConfirmationLetters letters, EmailConfirmations confirmations,
      ManagementService management) {
    this.letters = letters;
    this.confirmations = confirmations;
    this.management = management;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // the execution's id tells this sending apart from a later one, and stays the same when this job is retried
    Instant expiresAt = letters.sendLink(execution.getProcessBusinessKey(), execution.getId());
    execution.setVariable(CONFIRMATION_EXPIRES_AT, Date.from(expiresAt));
    execution.setVariable(CONFIRMATION_REMINDER_AT, Date.from(confirmations.reminderAt(expiresAt)));
    // a timer keeps the due date it was created with until it is recalculated
    for (String timer : List.of(BOUNDARY_REMINDER_DUE, BOUNDARY_LINK_EXPIRED)) {
      management.createJobQuery()
          .processInstanceId(execution.getProcessInstanceId())
          .activityId(timer)
          .timers()
          .list()
          .forEach(job -> management.recalculateJobDuedate(job.getId(), false));
    }
  }
}
