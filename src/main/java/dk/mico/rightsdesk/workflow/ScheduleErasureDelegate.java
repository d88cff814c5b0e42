package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.ERASE_AT;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.MESSAGE_CLAIM_REVIEW_SCHEDULED;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.MESSAGE_ERASURE_SCHEDULED;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.REVIEW_AT;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.fulfilment.PersonalRights;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Schedules the erasure of records kept for a legal retention period: one waiting instance per day after a period
 * ends (the letter gives the date); and the review of records kept for a legal claim: one per review day (F19). A job
 * that runs again finds the instance already waiting for that day.
 */
@Component
class ScheduleErasureDelegate implements JavaDelegate {

  private final PersonalRights rights;
  private final LegalCalendar calendar;

  ScheduleErasureDelegate(PersonalRights rights, LegalCalendar calendar) {
    this.rights = rights;
    this.calendar = calendar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = execution.getProcessBusinessKey();
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    rights.scheduledErasures(reference).forEach(day -> waitFor(runtime, reference, MESSAGE_ERASURE_SCHEDULED,
        ERASE_AT, day));
    rights.scheduledClaimReviews(reference).forEach(day -> waitFor(runtime, reference,
        MESSAGE_CLAIM_REVIEW_SCHEDULED, REVIEW_AT, day));
  }

  private void waitFor(RuntimeService runtime, String reference, String message, String variable, LocalDate day) {
    Date at = Date.from(day.atStartOfDay(calendar.zone()).toInstant());
    boolean waiting = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .variableValueEquals(variable, at).count() > 0;
    if (!waiting) {
      runtime.createMessageCorrelation(message).processInstanceBusinessKey(reference)
          .setVariable(variable, at).correlateStartMessage();
    }
  }
}
