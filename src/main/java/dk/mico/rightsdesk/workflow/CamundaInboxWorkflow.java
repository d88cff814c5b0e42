package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.INBOUND_EMAIL_ID;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.MESSAGE_EMAIL_HANDLED;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.PROCESS_ID;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.ROUTE;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.SUBJECTS_REPLY;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.TASKS_AWAITING_THE_SUBJECT;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.inbox.InboxRoute;
import dk.mico.rightsdesk.inbox.InboxWorkflow;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The inbox's view of the engine: one InboundEmailProcess per e-mail, keyed by the e-mail's id. */
@Component
class CamundaInboxWorkflow implements InboxWorkflow {

  /** Room for the replies a waiting task shows, under the engine's 4000 characters for a text variable. */
  private static final int MAX_REPLIES_SHOWN = 3900;

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final TaskScreen screen;
  private final LegalCalendar calendar;
  private final DeadlineWatch watch;

  CamundaInboxWorkflow(RuntimeService runtime, TaskService tasks, TaskScreen screen, LegalCalendar calendar,
      DeadlineWatch watch) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.screen = screen;
    this.calendar = calendar;
    this.watch = watch;
  }

  /** The task is due like a request received with the mail: the legal clock may already run. */
  @Override
  public void start(long emailId, Instant receivedAt, InboxRoute route) {
    runtime.createProcessInstanceByKey(PROCESS_ID)
        .businessKey(businessKey(emailId))
        .setVariables(Map.of(INBOUND_EMAIL_ID, emailId, ROUTE, route.name(),
            TASK_DUE_DATE, Date.from(watch.plan(calendar.dueDate(receivedAt)).taskDueAt())))
        .execute();
  }

  /** The newest reply first; an older one that no longer fits is left to the request's history. */
  @Override
  public boolean showReplyOnWaitingTask(String reference, Instant receivedAt, String reply) {
    List<Task> waiting = tasks.createTaskQuery().processInstanceBusinessKey(reference)
        .taskDefinitionKeyIn(TASKS_AWAITING_THE_SUBJECT.toArray(String[]::new)).list();
    for (Task task : waiting) {
      Object earlier = tasks.getVariableLocal(task.getId(), SUBJECTS_REPLY);
      String shown = "E-mail that reached the mailbox " + screen.receivedAt(receivedAt) + ":\n" + reply
          + (earlier == null ? "" : "\n\n" + earlier);
      tasks.setVariableLocal(task.getId(), SUBJECTS_REPLY,
          shown.length() <= MAX_REPLIES_SHOWN ? shown : shown.substring(0, MAX_REPLIES_SHOWN));
    }
    return !waiting.isEmpty();
  }

  @Override
  public void handledElsewhere(long emailId) {
    runtime.createMessageCorrelation(MESSAGE_EMAIL_HANDLED).processInstanceBusinessKey(businessKey(emailId))
        .correlate();
  }

  /** No personal data: Cockpit shows it. */
  private static String businessKey(long emailId) {
    return "INBOX-" + emailId;
  }
}
