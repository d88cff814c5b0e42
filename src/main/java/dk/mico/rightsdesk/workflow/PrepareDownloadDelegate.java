package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.access.Deliveries;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes the approved report's files into the database; the answer letter later carries the link to them. */
@Component
class PrepareDownloadDelegate implements JavaDelegate {

  private final Deliveries deliveries;

  PrepareDownloadDelegate(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deliveries.prepare(execution.getProcessBusinessKey());
  }
}
