package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.INBOUND_EMAIL_ID;

import dk.mico.rightsdesk.inbox.EmailExcerpt;
import dk.mico.rightsdesk.inbox.Inbox;
import dk.mico.rightsdesk.inbox.InboundEmail;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The officer's tasks for an e-mail the mailbox attached to a request on arrival: "Read the subject's reply" (no task
 * of the request waited for it) and "A letter did not arrive" (a bounce or auto-reply). The screen shows the request's
 * reference and the mail, as task-local variables; the task's name in the list names the request.
 */
@Component
class EmailForRequestListener implements TaskListener {

  private final Inbox inbox;
  private final TaskScreen screen;
  private final TaskNames names;

  EmailForRequestListener(Inbox inbox, TaskScreen screen, TaskNames names) {
    this.inbox = inbox;
    this.screen = screen;
    this.names = names;
  }

  @Override
  public void notify(DelegateTask task) {
    InboundEmail email = inbox.get(((Number) task.getVariable(INBOUND_EMAIL_ID)).longValue());
    String reference = String.join(", ", email.references());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("whatHappened", "UserTask_LetterNotDelivered".equals(task.getTaskDefinitionKey())
        ? "A letter of ours to the subject of " + reference + " did not arrive: this is the mail server's report or"
            + " an automatic reply. Reach the subject another way (another address, a letter by post) and note it on"
            + " the request."
        : "The subject of " + reference + " wrote to the GDPR mailbox and no task of the request waits for it. Act"
            + " on what it says on the request.");
    fields.put("requestReference", reference);
    fields.put("emailFrom", email.from());
    fields.put("emailReceivedAt", screen.receivedAt(email.receivedAt()));
    fields.put("emailSubject", email.subject());
    fields.put("emailText", EmailExcerpt.of(email.id(), email.text()));
    fields.put("emailAttachments", email.attachments() == null || email.attachments().isBlank()
        ? "None." : email.attachments());
    fields.put("emailRead", false);
    task.setVariablesLocal(fields);
    names.name(task, email.references());
  }
}
