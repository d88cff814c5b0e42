package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.request.CustomerControllers;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestActionRefusedException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestOutcomes;
import dk.mico.rightsdesk.request.UnknownRequestException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The officer's "Refuse, charge a fee or forward a request" action in Tasklist. At start it binds the process to an
 * open request; the task shows the request and the subject's earlier requests, to support (never replace) the
 * officer's judgement; on completion the decision goes through the same business rules as the API, and a refusal
 * of the input is a form error that keeps the task open.
 */
@Component
class Art12DecisionListener implements ExecutionListener, TaskListener {

  private final RequestLifecycle lifecycle;
  private final RequestOutcomes outcomes;
  private final CustomerControllers customers;
  private final DeadlineWatch watch;
  private final TaskScreen screen;

  Art12DecisionListener(RequestLifecycle lifecycle, RequestOutcomes outcomes, CustomerControllers customers,
      DeadlineWatch watch, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.outcomes = outcomes;
    this.customers = customers;
    this.watch = watch;
    this.screen = screen;
  }

  /** Start: the chosen request must exist and be open. */
  @Override
  public void notify(DelegateExecution execution) {
    Object value = execution.getVariable(REQUEST_REFERENCE);
    String reference = value == null ? "" : value.toString().strip();
    DataSubjectRequest request;
    try {
      request = lifecycle.get(reference);
    } catch (UnknownRequestException e) {
      throw new ProcessEngineException("There is no request " + reference + ".");
    }
    if (!request.isOpen()) {
      throw new ProcessEngineException(reference + " is closed already.");
    }
    execution.setProcessBusinessKey(reference);
    execution.setVariable(TASK_DUE_DATE, Date.from(watch.plan(request.dueDate()).taskDueAt()));
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, lifecycle.get(reference));
      return;
    }
    String decision = TaskScreen.field(task, "decision");
    String officer = Officers.current(task.getProcessEngineServices());
    String reason = TaskScreen.field(task, "reason");
    String facts = TaskScreen.field(task, "facts");
    try {
      switch (decision == null ? "" : decision) {
        case "REFUSE" -> outcomes.refuse(reference, TaskScreen.field(task, "ground"), reason, facts, officer);
        case "FEE" -> outcomes.announceFee(reference, TaskScreen.field(task, "ground"), amount(task), reason, facts,
            officer);
        case "FORWARD" -> outcomes.forward(reference, TaskScreen.field(task, "customer"), reason,
            Boolean.TRUE.equals(task.getVariableLocal("ownDataToo")), officer);
        case "NONE" -> { } // the request goes on as it was
        default -> throw new InvalidRequestException(List.of(
            new InvalidRequestException.Violation("decision", "choose a decision")));
      }
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    } catch (RequestActionRefusedException e) {
      throw new ProcessEngineException(e.getMessage());
    }
  }

  private void show(DelegateTask task, DataSubjectRequest request) {
    screen.showRequest(task, request);
    Map<String, Object> fields = new HashMap<>();
    fields.put("earlierRequests", screen.earlierRequests(outcomes.earlierRequests(request.reference())));
    fields.put("customersText", customers.customers().stream()
        .map(c -> c.id() + ": " + c.name() + ", " + c.address())
        .collect(Collectors.joining("\n")));
    fields.put("decision", null);
    fields.put("ground", null);
    fields.put("feeAmount", null);
    fields.put("customer", null);
    fields.put("ownDataToo", false);
    fields.put("facts", null);
    fields.put("reason", null);
    task.setVariablesLocal(fields);
  }

  private static Integer amount(DelegateTask task) {
    Object value = task.getVariableLocal("feeAmount");
    return value instanceof Number number ? number.intValue() : null;
  }
}
