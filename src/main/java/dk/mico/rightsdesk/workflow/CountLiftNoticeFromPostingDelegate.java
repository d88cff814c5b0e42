package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.LIFT_AT;

import dk.mico.rightsdesk.fulfilment.RestrictionLifts;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The printed notice of lifting was posted: the notice period counts from then and the post's days (F9). */
@Component
class CountLiftNoticeFromPostingDelegate implements JavaDelegate {

  private final RestrictionLifts lifts;

  CountLiftNoticeFromPostingDelegate(RestrictionLifts lifts) {
    this.lifts = lifts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(LIFT_AT, Date.from(lifts.noticePosted(execution.getProcessBusinessKey())));
  }
}
