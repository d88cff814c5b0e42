package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;

import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestActionRefusedException;
import dk.mico.rightsdesk.request.RequestDeadlines;
import dk.mico.rightsdesk.request.UnknownRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The step "Extend the deadline" after the officer's "Extend a deadline" start form in Tasklist: extends the request's
 * deadline by the same rule as the API, in the start's transaction (no job before it). A refusal (late, second,
 * unknown, closed, bad fields) rolls the start back with a message Tasklist shows. The reasons stay in the request
 * record, not in this process.
 */
@Component("extendDeadlineFromStartForm")
class ExtendDeadlineFromStartForm implements JavaDelegate {

  private final RequestDeadlines deadlines;

  ExtendDeadlineFromStartForm(RequestDeadlines deadlines) {
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = text(execution, REQUEST_REFERENCE);
    try {
      deadlines.extend(reference == null ? "" : reference.strip(), text(execution, "reasonCode"),
          text(execution, "reason"), Officers.current(execution.getProcessEngineServices()));
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException("The deadline was not extended. " + e.describe());
    } catch (RequestActionRefusedException e) {
      throw new ProcessEngineException("The deadline was not extended. " + e.getMessage());
    } catch (UnknownRequestException e) {
      throw new ProcessEngineException("The deadline was not extended. There is no request " + reference + ".");
    }
    execution.removeVariable("reason");
    execution.setProcessBusinessKey(reference.strip());
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
