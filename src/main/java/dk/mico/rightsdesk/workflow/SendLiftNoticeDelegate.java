package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.LIFT_NOTICE_POST_BY;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.LIFT_NOTICE_TO_POST;

import dk.mico.rightsdesk.fulfilment.RestrictionLifts;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the subject when and why a restriction will be lifted, before it is (Art 18(3)); the lifting waits for the
 * notice's delivery, by the outbox or, for a printed notice, by the officer's posting.
 */
@Component
class SendLiftNoticeDelegate implements JavaDelegate {

  private final RestrictionLifts lifts;

  SendLiftNoticeDelegate(RestrictionLifts lifts) {
    this.lifts = lifts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RestrictionLifts.Notice notice = lifts.sendNotice(execution.getProcessBusinessKey());
    execution.setVariable(LIFT_NOTICE_TO_POST, notice.toPost());
    if (notice.toPost()) {
      execution.setVariable(LIFT_NOTICE_POST_BY, Date.from(notice.postBy()));
    }
  }
}
