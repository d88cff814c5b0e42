package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.notification.StaffNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the request to the customer who is its controller, as the data processing agreement requires. */
@Component
class ForwardToControllerDelegate implements JavaDelegate {

  private final StaffNotices notices;

  ForwardToControllerDelegate(StaffNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.forwardToController(execution.getProcessBusinessKey());
  }
}
