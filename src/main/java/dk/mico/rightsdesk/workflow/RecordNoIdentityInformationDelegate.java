package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.request.RequestDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No reply came in time: the pause ends and the request is decided unverifiable (its Art 12(4) letter follows). */
@Component
class RecordNoIdentityInformationDelegate implements JavaDelegate {

  private final RequestDeadlines deadlines;

  RecordNoIdentityInformationDelegate(RequestDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deadlines.noIdentityInformation(execution.getProcessBusinessKey());
  }
}
