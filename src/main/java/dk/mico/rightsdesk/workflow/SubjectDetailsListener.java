package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Shows the request on an officer's task, and keeps the task's own form fields local to the task, filled with what
 * was recorded before (so that revising an answer starts from the earlier one).
 */
@Component
class SubjectDetailsListener implements TaskListener {

  private final RequestLifecycle lifecycle;
  private final TaskScreen screen;

  SubjectDetailsListener(RequestLifecycle lifecycle, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.screen = screen;
  }

  @Override
  public void notify(DelegateTask task) {
    DataSubjectRequest request = lifecycle.get(task.getExecution().getProcessBusinessKey());
    screen.showRequest(task, request);
    Map<String, Object> fields = new HashMap<>();
    fields.put("outcome", request.outcome() == null ? null : request.outcome().name());
    fields.put("answerActions", request.answerActions());
    fields.put("answerReason", request.answerReason());
    fields.put("identityDecision", null);
    fields.put("identityNote", request.identityNote());
    fields.put("identityMissing", null);
    fields.put("identityFutileReason", null);
    // an identifier the officer adds in "Check identity": task-local, kept with the request, not in the process
    fields.put("identifierKind", null);
    fields.put("identifierValue", null);
    task.setVariablesLocal(fields);
  }
}
