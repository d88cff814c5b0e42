package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.Discovery;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Looks the subject up in one system (one job per system, retried on its own). */
@Component
class DiscoverInSystemDelegate implements JavaDelegate {

  private final Discovery discovery;

  DiscoverInSystemDelegate(Discovery discovery) {
    this.discovery = discovery;
  }

  @Override
  public void execute(DelegateExecution execution) {
    discovery.discover(execution.getProcessBusinessKey(),
        (String) execution.getVariable(SYSTEM_ID));
  }
}
