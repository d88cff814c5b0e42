package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.REVIEW_AT;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.fulfilment.PersonalRights;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Erases the records kept for a legal claim that the officer found over at today's review. */
@Component
class EraseAfterClaimReviewDelegate implements JavaDelegate {

  private final PersonalRights rights;
  private final LegalCalendar calendar;

  EraseAfterClaimReviewDelegate(PersonalRights rights, LegalCalendar calendar) {
    this.rights = rights;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate reviewDay = LocalDate.ofInstant(((Date) execution.getVariable(REVIEW_AT)).toInstant(), calendar.zone());
    rights.eraseAfterClaimReview(execution.getProcessBusinessKey(), reviewDay);
  }
}
