package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.ATTACHED_AT_ONCE;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.INBOUND_EMAIL_ID;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.MESSAGE_EMAIL_HANDLED;
import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.PROCESS_ID;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.inbox.InboxWorkflow;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The inbox's view of the engine: one InboundEmailProcess per e-mail, keyed by the e-mail's id. */
@Component
class CamundaInboxWorkflow implements InboxWorkflow {

  private final RuntimeService runtime;
  private final LegalCalendar calendar;
  private final DeadlineWatch watch;

  CamundaInboxWorkflow(RuntimeService runtime, LegalCalendar calendar, DeadlineWatch watch) {
    this.runtime = runtime;
    this.calendar = calendar;
    this.watch = watch;
  }

  /** The task is due like a request received with the mail: the legal clock may already run. */
  @Override
  public void start(long emailId, Instant receivedAt, boolean attachedAtOnce) {
    runtime.createProcessInstanceByKey(PROCESS_ID)
        .businessKey(businessKey(emailId))
        .setVariables(Map.of(INBOUND_EMAIL_ID, emailId, ATTACHED_AT_ONCE, attachedAtOnce,
            TASK_DUE_DATE, Date.from(watch.plan(calendar.dueDate(receivedAt)).taskDueAt())))
        .execute();
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
