package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.REQUEST_REFERENCE;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.NewRequest;
import dk.mico.rightsdesk.request.RequestIntake;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The officer's "Register a request" start form in Tasklist: turns the form's fields into a request record in the
 * start's own transaction, binds the process to it (business key = reference) and drops the fields, so that no
 * personal data stays in the process. Bad fields roll the start back with a message Tasklist shows.
 */
@Component("registerRequestFromStartForm")
class RegisterRequestFromStartForm implements ExecutionListener {

  /** The start form's fields; all removed once the record holds them. */
  static final List<String> FORM_FIELDS = List.of("type", "objectionScope", "channel", "receivedDate", "receivedTime",
      "name", "email", "postalAddress", "phone", "language", "details", "identityVerified", "identityNote",
      "representativeName", "representativeMandateChecked");

  private final RequestIntake intake;
  private final LegalCalendar calendar;
  private final CamundaRequestWorkflow workflow;

  RegisterRequestFromStartForm(RequestIntake intake, LegalCalendar calendar, CamundaRequestWorkflow workflow) {
    this.intake = intake;
    this.calendar = calendar;
    this.workflow = workflow;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.hasVariable(REQUEST_REFERENCE)) {
      return; // started by the API or the web form: the record exists already
    }
    NewRequest submission = new NewRequest(
        text(execution, "type"),
        text(execution, "objectionScope"),
        text(execution, "name"),
        text(execution, "email"),
        text(execution, "phone"),
        text(execution, "postalAddress"),
        text(execution, "language"),
        text(execution, "details"),
        text(execution, "channel"),
        receivedAt(execution),
        Boolean.TRUE.equals(execution.getVariable("identityVerified")),
        text(execution, "identityNote"),
        text(execution, "representativeName"),
        Boolean.TRUE.equals(execution.getVariable("representativeMandateChecked")));
    DataSubjectRequest request;
    try {
      request = intake.registerForRunningProcess(submission, Officers.current(execution.getProcessEngineServices()));
    } catch (InvalidRequestException e) {
      throw new ProcessEngineException("The request was not registered. " + e.describe());
    }
    FORM_FIELDS.forEach(execution::removeVariable);
    execution.setProcessBusinessKey(request.reference());
    execution.setVariables(workflow.initialVariables(request));
  }

  private Instant receivedAt(DelegateExecution execution) {
    String date = text(execution, "receivedDate");
    String time = text(execution, "receivedTime");
    if (date == null || time == null) {
      return null; // reported by the validation as a missing receipt time
    }
    try {
      return LocalDate.parse(date).atTime(LocalTime.parse(time)).atZone(calendar.zone()).toInstant();
    } catch (DateTimeParseException e) {
      throw new ProcessEngineException("The request was not registered. receivedAt: not a date and time");
    }
  }

  private static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }
}
