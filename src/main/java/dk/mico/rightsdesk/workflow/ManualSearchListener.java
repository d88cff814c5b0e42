package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.FOUND_IN_SYSTEM;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.WHAT_WAS_FOUND;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.access.AccessCompiler;
import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The search by hand in a system that Rights Desk cannot reach: shows its owner who to look for, and records what
 * they found with the request (never in the process).
 */
@Component
class ManualSearchListener implements TaskListener {

  private final RequestLifecycle lifecycle;
  private final AccessCompiler compiler;
  private final Discovery discovery;
  private final TaskScreen screen;

  ManualSearchListener(RequestLifecycle lifecycle, AccessCompiler compiler, Discovery discovery, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.compiler = compiler;
    this.discovery = discovery;
    this.screen = screen;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    String systemId = (String) task.getExecution().getVariable(SYSTEM_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      screen.showRequest(task, lifecycle.get(reference));
      Map<String, Object> fields = new HashMap<>();
      fields.put("systemName", discovery.systemName(systemId));
      fields.put(FOUND_IN_SYSTEM, null);
      fields.put(WHAT_WAS_FOUND, null);
      task.setVariablesLocal(fields);
      return;
    }
    String found = TaskScreen.field(task, FOUND_IN_SYSTEM);
    try {
      if (!"FOUND".equals(found) && !"NOTHING".equals(found)) {
        throw new InvalidRequestException(List.of(new Violation(FOUND_IN_SYSTEM, "say whether anything was found")));
      }
      compiler.recordManualSearch(reference, systemId, "FOUND".equals(found), TaskScreen.field(task, WHAT_WAS_FOUND),
          Officers.current(task.getProcessEngineServices()));
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
  }
}
