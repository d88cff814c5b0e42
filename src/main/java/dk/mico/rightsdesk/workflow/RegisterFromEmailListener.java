package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.INBOUND_EMAIL_ID;

import dk.mico.rightsdesk.inbox.EmailExcerpt;
import dk.mico.rightsdesk.inbox.Inbox;
import dk.mico.rightsdesk.inbox.InboundEmail;
import dk.mico.rightsdesk.inbox.RequestToRegister;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestActionRefusedException;
import dk.mico.rightsdesk.request.RequestType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The officer's task "Register the request from an e-mail". Created: the screen shows the mail (sender, arrival,
 * subject, text, attachments), the suggested right and language and the sender's earlier requests, all as
 * task-local variables. Completed: the officer's choice goes to the inbox (register one request per ticked right,
 * "not a request" with a reason, or attach to a request); bad input is a form message and changes nothing.
 */
@Component
class RegisterFromEmailListener implements TaskListener {

  /** One tick box per right on the form: {@code right} + the type in CamelCase (rightConsentWithdrawal). */
  private static final Map<String, RequestType> RIGHT_FIELDS = rightFields();

  private final Inbox inbox;
  private final TaskScreen screen;

  RegisterFromEmailListener(Inbox inbox, TaskScreen screen) {
    this.inbox = inbox;
    this.screen = screen;
  }

  @Override
  public void notify(DelegateTask task) {
    long id = ((Number) task.getVariable(INBOUND_EMAIL_ID)).longValue();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, inbox.get(id));
      return;
    }
    String officer = Officers.current(task.getProcessEngineServices());
    try {
      switch (String.valueOf(TaskScreen.field(task, "emailDecision"))) {
        case "REGISTER" -> inbox.registerFromTask(id, requests(task), officer);
        case "NOT_A_REQUEST" -> inbox.dismissFromTask(id, TaskScreen.field(task, "dismissalReason"), officer);
        case "ATTACH" -> inbox.attachFromTask(id, TaskScreen.field(task, "attachToReference"), officer);
        default -> throw new InvalidRequestException(List.of(new Violation("emailDecision",
            "choose what this e-mail is")));
      }
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    } catch (RequestActionRefusedException e) {
      throw new ProcessEngineException(e.getMessage());
    }
  }

  private void show(DelegateTask task, InboundEmail email) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("emailFrom", email.from());
    fields.put("emailReceivedAt", screen.receivedAt(email.receivedAt()));
    fields.put("emailSubject", email.subject());
    fields.put("emailNote", email.officerNote() == null ? "" : email.officerNote());
    fields.put("emailText", email.parsed() ? EmailExcerpt.of(email.id(), email.text())
        : "This e-mail could not be read as a normal message; its raw source follows.\n\n"
            + EmailExcerpt.of(email.id(), email.text()));
    fields.put("emailAttachments", email.attachments() == null || email.attachments().isBlank()
        ? "None." : email.attachments());
    fields.put("suggestedRight", email.suggestedType() == null ? "No right recognised in the words of the mail"
        : RequestType.valueOf(email.suggestedType()).label());
    fields.put("earlierRequests", screen.earlierRequests(inbox.sendersRequests(email)));
    // the officer's fields, empty at first (the language preset to the suggestion)
    fields.put("emailDecision", null);
    RIGHT_FIELDS.keySet().forEach(field -> fields.put(field, false));
    fields.put("objectionScope", null);
    fields.put("consents", null);
    fields.put("details", null);
    fields.put("language", email.language());
    fields.put("dismissalReason", null);
    fields.put("attachToReference", null);
    task.setVariablesLocal(fields);
  }

  /** One request per ticked right, each with the form's details and language. */
  private static List<RequestToRegister> requests(DelegateTask task) {
    List<RequestToRegister> requests = new ArrayList<>();
    RIGHT_FIELDS.forEach((field, type) -> {
      if (Boolean.TRUE.equals(task.getVariableLocal(field))) {
        requests.add(new RequestToRegister(type.name(),
            type == RequestType.OBJECTION ? TaskScreen.field(task, "objectionScope") : null,
            TaskScreen.field(task, "details"), TaskScreen.field(task, "language"),
            type == RequestType.CONSENT_WITHDRAWAL ? consents(task) : null));
      }
    });
    return requests;
  }

  /** The consents withdrawn, typed as ids separated by commas; blank: every consent. */
  private static List<String> consents(DelegateTask task) {
    String typed = TaskScreen.field(task, "consents");
    return typed == null ? null : List.of(typed.split(","));
  }

  private static Map<String, RequestType> rightFields() {
    Map<String, RequestType> fields = new LinkedHashMap<>();
    for (RequestType type : RequestType.values()) {
      StringBuilder name = new StringBuilder("right");
      for (String word : type.name().split("_")) {
        name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
      }
      fields.put(name.toString(), type);
    }
    return fields;
  }
}
