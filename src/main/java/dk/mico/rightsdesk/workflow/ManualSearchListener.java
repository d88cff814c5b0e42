package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.FOUND_IN_SYSTEM;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.WHAT_WAS_FOUND;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.access.AccessCompiler;
import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The search by hand in a system that Rights Desk cannot reach: shows its owner who to look for, and records what
 * they found with the request (never in the process).
 */
@Component
class ManualSearchListener extends RequestTaskListener {

  private final AccessCompiler compiler;
  private final Discovery discovery;

  ManualSearchListener(RequestLifecycle lifecycle, AccessCompiler compiler, Discovery discovery, TaskScreen screen) {
    super(lifecycle, screen);
    this.compiler = compiler;
    this.discovery = discovery;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    Map<String, Object> fields = inputFields(FOUND_IN_SYSTEM, WHAT_WAS_FOUND);
    fields.put("systemName", discovery.systemName((String) task.getExecution().getVariable(SYSTEM_ID)));
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String owner) {
    String found = TaskScreen.field(task, FOUND_IN_SYSTEM);
    if (!"FOUND".equals(found) && !"NOTHING".equals(found)) {
      throw new InvalidRequestException(List.of(new Violation(FOUND_IN_SYSTEM, "say whether anything was found")));
    }
    compiler.recordManualSearch(reference, (String) task.getExecution().getVariable(SYSTEM_ID),
        "FOUND".equals(found), TaskScreen.field(task, WHAT_WAS_FOUND), owner);
  }
}
