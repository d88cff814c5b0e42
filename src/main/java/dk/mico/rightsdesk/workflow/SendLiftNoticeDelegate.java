package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.fulfilment.RestrictionLifts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the subject when and why a restriction will be lifted, before it is (Art 18(3)). */
@Component
class SendLiftNoticeDelegate implements JavaDelegate {

  private final RestrictionLifts lifts;

  SendLiftNoticeDelegate(RestrictionLifts lifts) {
    this.lifts = lifts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    lifts.sendNotice(execution.getProcessBusinessKey());
  }
}
