package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.FEE_ACCEPTED;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.FEE_ANSWER_DUE_AT;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestActionRefusedException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestOutcomes;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Register the answer to the fee" (Art 12(5)). When the fee letter is delivered it sets how long the subject has to
 * answer; the task shows the request; on completion the answer goes through the business rules and a refusal of the
 * input is a form error that keeps the task open.
 */
@Component
class FeeAnswerListener implements ExecutionListener, TaskListener {

  private final RequestOutcomes outcomes;
  private final RequestLifecycle lifecycle;
  private final DeadlineWatch watch;
  private final TaskScreen screen;
  private final Clock clock;

  FeeAnswerListener(RequestOutcomes outcomes, RequestLifecycle lifecycle, DeadlineWatch watch, TaskScreen screen,
      Clock clock) {
    this.outcomes = outcomes;
    this.lifecycle = lifecycle;
    this.watch = watch;
    this.screen = screen;
    this.clock = clock;
  }

  /** The fee letter is delivered (sent, or posted by the officer): the subject's time to answer starts. */
  @Override
  public void notify(DelegateExecution execution) {
    execution.setVariableLocal(FEE_ANSWER_DUE_AT, Date.from(watch.feeAnswerDueAt(clock.instant())));
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      screen.showRequest(task, lifecycle.get(reference));
      task.setVariableLocal("feeAnswer", null);
      task.setVariableLocal("feeAnswerNote", null);
      return;
    }
    try {
      boolean accepted = outcomes.registerFeeAnswer(reference, TaskScreen.field(task, "feeAnswer"),
          TaskScreen.field(task, "feeAnswerNote"), Officers.current(task.getProcessEngineServices()));
      task.getExecution().setVariable(FEE_ACCEPTED, accepted);
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    } catch (RequestActionRefusedException e) {
      throw new ProcessEngineException(e.getMessage());
    }
  }
}
