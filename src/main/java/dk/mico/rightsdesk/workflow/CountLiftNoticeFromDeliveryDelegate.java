package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.LIFT_AT;

import dk.mico.rightsdesk.fulfilment.RestrictionLifts;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The notice of lifting was delivered, e-mailed or posted: the notice period counts from then (Art 18(3), F9). */
@Component
class CountLiftNoticeFromDeliveryDelegate implements JavaDelegate {

  private final RestrictionLifts lifts;

  CountLiftNoticeFromDeliveryDelegate(RestrictionLifts lifts) {
    this.lifts = lifts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(LIFT_AT, Date.from(lifts.noticeDelivered(execution.getProcessBusinessKey())));
  }
}
