package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.Rectifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the corrected value in one system (Art 16). */
@Component
class RectifyInSystemDelegate implements JavaDelegate {

  private final Rectifications rectifications;

  RectifyInSystemDelegate(Rectifications rectifications) {
    this.rectifications = rectifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    rectifications.rectify(execution.getProcessBusinessKey(), (String) execution.getVariable(SYSTEM_ID));
  }
}
