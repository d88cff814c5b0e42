package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.MESSAGE_LIFT_NOTICE_DELIVERED;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.MESSAGE_LIFT_RESTRICTION;

import dk.mico.rightsdesk.fulfilment.RightsWorkflow;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts the steps of a right that come after its request's answer (lifting a restriction). */
@Component
class CamundaRightsWorkflow implements RightsWorkflow {

  private final RuntimeService runtime;

  CamundaRightsWorkflow(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void liftRestriction(String reference) {
    runtime.createMessageCorrelation(MESSAGE_LIFT_RESTRICTION)
        .processInstanceBusinessKey(reference)
        .correlateStartMessage();
  }

  @Override
  public void liftNoticeDelivered(String reference) {
    // all, and none without failing: a lifting started before the wait for delivery was modelled waits on its timer
    runtime.createMessageCorrelation(MESSAGE_LIFT_NOTICE_DELIVERED)
        .processInstanceBusinessKey(reference)
        .correlateAll();
  }
}
