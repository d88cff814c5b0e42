package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.NewRequest;
import dk.mico.rightsdesk.request.RequestIntake;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The officer's "Register a request" start form in Tasklist: turns the form's fields into a request record in the
 * start's own transaction, binds the process to it (business key = reference) and drops the fields, so that no
 * personal data stays in the process. Bad fields roll the start back with a message Tasklist shows.
 */
@Component("registerRequestFromStartForm")
class RegisterRequestFromStartForm implements ExecutionListener {

  /** The start form's fields; all removed once the record holds them. */
  static final List<String> FORM_FIELDS = List.of("type", "objectionScope", "consents", "channel", "receivedDate", "receivedTime",
      "name", "email", "postalAddress", "phone", "language", "details", "identityVerified", "identityNote",
      "representativeName", "representativeMandateChecked", StartForm.REGISTERED_LATE);

  private final RequestIntake intake;
  private final LegalCalendar calendar;
  private final CamundaRequestWorkflow workflow;
  private final Clock clock;

  RegisterRequestFromStartForm(RequestIntake intake, LegalCalendar calendar, CamundaRequestWorkflow workflow,
      Clock clock) {
    this.intake = intake;
    this.calendar = calendar;
    this.workflow = workflow;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (workflow.isStartingOwnProcess()) {
      return; // started by the API or the web form: the record exists already
    }
    DataSubjectRequest request;
    try {
      StartForm form = new StartForm(execution);
      NewRequest submission = form.submission(calendar.zone());
      refuseUnnoticedLateRegistration(submission, form.registeredLateConfirmed());
      request = intake.registerForRunningProcess(submission, Officers.current(execution.getProcessEngineServices()));
    } catch (InvalidRequestException e) {
      // a 400 from "start" and "submit-form" alike, whose message Tasklist shows (FormErrorsPlugin)
      throw new FormInputRefused("The request was not registered. " + e.describe());
    }
    FORM_FIELDS.forEach(execution::removeVariable);
    execution.setProcessBusinessKey(request.reference());
    execution.setVariables(workflow.initialVariables(request));
  }

  /**
   * A request whose legal deadline passed before it was registered (a letter found late) is overdue from the start:
   * the officer is told so on the spot and registers it only by saying so. The managers' view flags it, and the
   * acknowledgement apologises instead of promising a date in the past.
   */
  private void refuseUnnoticedLateRegistration(NewRequest submission, boolean confirmed) {
    if (submission.receivedAt() == null || confirmed) {
      return;
    }
    LocalDate due = calendar.dueDate(submission.receivedAt());
    if (due.isBefore(calendar.receiptDate(clock.instant()))) {
      throw new InvalidRequestException(List.of(new Violation(StartForm.REGISTERED_LATE, "the legal deadline of a "
          + "request received then ended on " + due.format(TaskScreen.DATE) + ": it is overdue from the start. Tick "
          + "\"Register although the deadline has passed\" to register it; the managers' view flags it and the "
          + "acknowledgement apologises for the delay")));
    }
  }

  /**
   * The form's values as sent by Tasklist or a caller of the engine API: a value of another type is named as a bad
   * field, never converted or deserialized, and so is a variable the form does not have.
   */
  private static final class StartForm {

    /** The officer's word that the request is registered although its legal deadline has passed. */
    static final String REGISTERED_LATE = "registeredAfterDeadline";

    private final DelegateExecution execution;
    private final List<Violation> bad = new ArrayList<>();

    StartForm(DelegateExecution execution) {
      this.execution = execution;
    }

    NewRequest submission(ZoneId zone) {
      NewRequest submission = new NewRequest(text("type"), text("objectionScope"), text("name"), text("email"),
          text("phone"), text("postalAddress"), text("language"), text("details"), text("channel"),
          receivedAt(zone), flag("identityVerified"), text("identityNote"), text("representativeName"),
          flag("representativeMandateChecked"), list("consents"), null);
      execution.getVariableNames().stream().filter(name -> !FORM_FIELDS.contains(name)).sorted()
          .forEach(name -> bad.add(new Violation(name, "is not a field of the registration form")));
      if (!bad.isEmpty()) {
        throw new InvalidRequestException(bad);
      }
      return submission;
    }

    boolean registeredLateConfirmed() {
      return flag(REGISTERED_LATE);
    }

    private Instant receivedAt(ZoneId zone) {
      LocalDate date = parsed("receivedDate", LocalDate::parse, "must be a date, e.g. 2026-11-02");
      LocalTime time = parsed("receivedTime", LocalTime::parse, "must be a time of day, e.g. 09:30");
      // a missing one is reported by the validation as a missing receipt time
      return date == null || time == null ? null : date.atTime(time).atZone(zone).toInstant();
    }

    private <T> T parsed(String name, Function<String, T> parser, String message) {
      String value = text(name);
      try {
        return value == null ? null : parser.apply(value);
      } catch (DateTimeParseException e) {
        bad.add(new Violation(name, message));
        return null;
      }
    }

    private String text(String name) {
      TypedValue value = execution.getVariableTyped(name, false);
      if (value instanceof StringValue text) {
        return text.getValue();
      }
      if (value != null && value.getType() != ValueType.NULL) {
        bad.add(new Violation(name, "must be text"));
      }
      return null;
    }

    /** A list typed as text, its entries separated by commas. */
    private List<String> list(String name) {
      String value = text(name);
      return value == null ? null : List.of(value.split(","));
    }

    private boolean flag(String name) {
      TypedValue value = execution.getVariableTyped(name, false);
      if (value instanceof BooleanValue flag) {
        return Boolean.TRUE.equals(flag.getValue());
      }
      if (value != null && value.getType() != ValueType.NULL) {
        bad.add(new Violation(name, "must be true or false"));
      }
      return false;
    }
  }
}
