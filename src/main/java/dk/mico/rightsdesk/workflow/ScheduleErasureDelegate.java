package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.ERASE_AT;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.MESSAGE_ERASURE_SCHEDULED;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.fulfilment.PersonalRights;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Schedules the erasure of records kept for a legal retention period: one waiting instance per day after a period
 * ends (the letter gives the date). A job that runs again finds the instance already waiting for that day.
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
    for (LocalDate day : rights.scheduledErasures(reference)) {
      Date at = Date.from(day.atStartOfDay(calendar.zone()).toInstant());
      boolean waiting = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
          .variableValueEquals(ERASE_AT, at).count() > 0;
      if (!waiting) {
        runtime.createMessageCorrelation(MESSAGE_ERASURE_SCHEDULED).processInstanceBusinessKey(reference)
            .setVariable(ERASE_AT, at).correlateStartMessage();
      }
    }
  }
}
