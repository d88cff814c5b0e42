package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.Representative;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What an officer's task screen shows of a request. It is put on the task as task-local variables, which end with
 * the task: the subject's data is read from the request record when the task is created and never copied into the
 * process.
 */
@Component
class TaskScreen {

  private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final LegalCalendar calendar;

  TaskScreen(LegalCalendar calendar) {
    this.calendar = calendar;
  }

  void showRequest(DelegateTask task, DataSubjectRequest request) {
    Map<String, Object> screen = new LinkedHashMap<>();
    screen.put("requestReference", request.reference());
    screen.put("requestRight", request.type().label(request.objectionScope()));
    screen.put("receivedAt", request.receivedAt().atZone(calendar.zone()).format(RECEIVED) + " ("
        + request.channel().name().toLowerCase() + ")");
    screen.put("dueDateText", request.dueDate().toString());
    screen.put("subjectName", request.subject().name());
    screen.put("subjectEmail", request.subject().email());
    screen.put("subjectPhone", request.subject().phone());
    screen.put("postalAddress", request.subject().postalAddress());
    Representative representative = request.representative();
    screen.put("representative", representative == null ? null
        : representative.name() + (representative.mandateChecked() ? " (mandate checked)" : " (mandate NOT checked)"));
    screen.put("requestDetails", request.details());
    task.setVariablesLocal(screen);
  }

  /** A form field as the officer left it; read from the task only, so it never reaches the process. */
  static String field(DelegateTask task, String name) {
    Object value = task.getVariableLocal(name);
    return value == null ? null : value.toString();
  }

  /** Turns bad form input into the message Tasklist shows; the task stays open and nothing is saved. */
  static ProcessEngineException formError(InvalidRequestException e) {
    return new ProcessEngineException("Please correct the form. " + e.describe());
  }

}
