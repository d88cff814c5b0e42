package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.TRANSMISSION_WANTED;

import dk.mico.rightsdesk.access.Deliveries;
import dk.mico.rightsdesk.access.Transmissions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Writes the approved report's files into the database; the answer letter later carries the link to them. Says
 * whether the officer is to send them to another controller too (Art 20(2)).
 */
@Component
class PrepareDownloadDelegate implements JavaDelegate {

  private final Deliveries deliveries;
  private final Transmissions transmissions;

  PrepareDownloadDelegate(Deliveries deliveries, Transmissions transmissions) {
    this.deliveries = deliveries;
    this.transmissions = transmissions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deliveries.prepare(execution.getProcessBusinessKey());
    execution.setVariable(TRANSMISSION_WANTED, transmissions.wanted(execution.getProcessBusinessKey()));
  }
}
