package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records what the officer did and decided when the by-hand task is completed; a refusal needs its reason. */
@Component
class RecordAnswerListener implements TaskListener {

  private final RequestLifecycle lifecycle;

  RecordAnswerListener(RequestLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public void notify(DelegateTask task) {
    try {
      lifecycle.recordAnswer(task.getExecution().getProcessBusinessKey(), TaskScreen.field(task, "outcome"),
          TaskScreen.field(task, "answerActions"), TaskScreen.field(task, "answerReason"),
          Officers.current(task.getProcessEngineServices()));
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
  }
}
