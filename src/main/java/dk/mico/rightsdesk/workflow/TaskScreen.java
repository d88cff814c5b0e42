package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.Representative;
import dk.mico.rightsdesk.request.RequestMarks;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What an officer's task screen shows of a request. It is put on the task as task-local variables, which end with
 * the task: the subject's data is read from the request record when the task is created and never copied into the
 * process.
 */
@Component
class TaskScreen {

  /** Dates on the officers' screens are written the Danish way, as Tasklist shows and takes them (config.js). */
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final LegalCalendar calendar;

  TaskScreen(LegalCalendar calendar) {
    this.calendar = calendar;
  }

  void showRequest(DelegateTask task, DataSubjectRequest request) {
    Map<String, Object> screen = new LinkedHashMap<>();
    screen.put("requestReference", request.reference());
    screen.put("requestRight", request.type().label(request.objectionScope()));
    screen.put("receivedAt", receivedAt(request.receivedAt()) + " ("
        + request.channel().name().toLowerCase() + ")");
    screen.put("dueDateText", request.dueDate().format(DATE));
    screen.put("subjectName", request.subject().name());
    screen.put("subjectEmail", request.subject().email());
    screen.put("subjectPhone", request.subject().phone());
    screen.put("postalAddress", request.subject().postalAddress());
    Representative representative = request.representative();
    screen.put("representative", representative == null ? null
        : representative.name() + (representative.mandateChecked() ? " (mandate checked)" : " (mandate NOT checked)"));
    screen.put("requestDetails", request.details());
    // text the officer types for a letter goes to the subject word for word, in the language of the letters
    screen.put("letterLanguage", request.language().staffName());
    screen.put("letterPreviewLink", "/officer/letters/preview?reference=" + request.reference());
    if (InboundEmailProcessVariables.TASKS_AWAITING_THE_SUBJECT.contains(task.getTaskDefinitionKey())) {
      // empty until the subject's e-mailed reply reaches the GDPR mailbox (CamundaInboxWorkflow fills it)
      screen.put(InboundEmailProcessVariables.SUBJECTS_REPLY, null);
    }
    task.setVariablesLocal(screen);
  }

  /** The subject's other requests, one line each (reference, right, receipt, status), for a screen to show. */
  String earlierRequests(List<RequestMarks.EarlierRequest> earlier) {
    return earlier.isEmpty() ? "None." : earlier.stream()
        .map(e -> e.reference() + ": " + e.type().label() + ", received "
            + calendar.receiptDate(e.receivedAt()).format(DATE) + ", " + e.status().name().toLowerCase().replace('_', ' ')
            + (e.outcome() == null ? "" : " (" + e.outcome().name().toLowerCase().replace('_', ' ') + ")"))
        .collect(Collectors.joining("\n"));
  }

  /** When something reached the company, as the screens show it (Copenhagen time). */
  String receivedAt(java.time.Instant at) {
    return at.atZone(calendar.zone()).format(RECEIVED);
  }

  /** A form field as the officer left it; read from the task only, so it never reaches the process. */
  static String field(DelegateTask task, String name) {
    Object value = task.getVariableLocal(name);
    return value == null ? null : value.toString();
  }

  /** Turns bad form input into the message Tasklist shows; the task stays open and nothing is saved. */
  static FormInputRefused formError(InvalidRequestException e) {
    return new FormInputRefused("Please correct the form. " + e.describe());
  }

}
