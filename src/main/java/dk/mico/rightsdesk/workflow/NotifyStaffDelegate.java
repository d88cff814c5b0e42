package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.NEXT_ESCALATION_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.NOTICE;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.notification.StaffNotices;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the deadline watch's notice named by the task's {@code notice} input; after an overdue notice, sets when the
 * next one is due (the next working-day morning).
 */
@Component
class NotifyStaffDelegate implements JavaDelegate {

  private final StaffNotices notices;
  private final DeadlineWatch watch;
  private final Clock clock;

  NotifyStaffDelegate(StaffNotices notices, DeadlineWatch watch, Clock clock) {
    this.notices = notices;
    this.watch = watch;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StaffNotices.Notice notice = StaffNotices.Notice.valueOf((String) execution.getVariableLocal(NOTICE));
    notices.send(execution.getProcessBusinessKey(), notice);
    if (notice == StaffNotices.Notice.OVERDUE) {
      execution.setVariable(NEXT_ESCALATION_AT, Date.from(watch.nextEscalation(clock.instant())));
    }
  }
}
