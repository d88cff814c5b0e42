package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A person's task about one request. When it is created, its screen shows the request and the task's own fields;
 * when it is completed, what was entered is recorded with the request, and bad input becomes a form message in
 * Tasklist that leaves the task open and changes nothing.
 */
abstract class RequestTaskListener implements TaskListener {

  private final RequestLifecycle lifecycle;
  private final TaskScreen screen;

  RequestTaskListener(RequestLifecycle lifecycle, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.screen = screen;
  }

  @Override
  public final void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      DataSubjectRequest request = lifecycle.get(reference);
      created(task, request);
      screen.showRequest(task, request);
      task.setVariablesLocal(fields(task, request));
      return;
    }
    try {
      completed(task, reference, Officers.current(task.getProcessEngineServices()));
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
  }

  /** What must be recorded before the person gets the task; nothing, unless a task says otherwise. */
  void created(DelegateTask task, DataSubjectRequest request) {}

  /** The task's own fields, shown below the request. */
  abstract Map<String, Object> fields(DelegateTask task, DataSubjectRequest request);

  /** Records what the person entered; an {@link InvalidRequestException} names each bad field. */
  abstract void completed(DelegateTask task, String reference, String person);

  /** Fields for the person to fill in, each empty at first (a HashMap: Map.of takes no empty values). */
  static Map<String, Object> inputFields(String... names) {
    Map<String, Object> fields = new HashMap<>();
    for (String name : names) {
      fields.put(name, null);
    }
    return fields;
  }
}
