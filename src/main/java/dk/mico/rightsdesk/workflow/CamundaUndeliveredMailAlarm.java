package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.notification.UndeliveredMailAlarm;
import java.time.Instant;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * An undelivered mail as an incident in Cockpit: an instance of UndeliveredMailProcess under the request's reference
 * carries it (an incident needs an execution, and the request's own process may have ended when its last letter was
 * queued) until the mail goes.
 */
@Component
class CamundaUndeliveredMailAlarm implements UndeliveredMailAlarm {

  static final String PROCESS = "UndeliveredMailProcess";
  static final String INCIDENT_TYPE = "undeliveredMail";
  private static final String DELIVERED = "Message_MailDelivered";
  private static final String WAITING = "Event_MailDelivered";

  private final RuntimeService runtime;

  CamundaUndeliveredMailAlarm(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public String raise(String businessKey, String mailKey, String failure, Instant failingSince) {
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, businessKey);
    Execution waiting = runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId(WAITING)
        .singleResult();
    Incident incident = runtime.createIncident(INCIDENT_TYPE, waiting.getId(), mailKey,
        "Mail " + mailKey + " not delivered since " + failingSince + " (" + failure + "). Rights Desk goes on"
            + " trying every few minutes and resolves this when it goes: check the SMTP server.");
    return incident.getProcessInstanceId();
  }

  @Override
  public void clear(String handle) {
    runtime.createIncidentQuery().processInstanceId(handle).list()
        .forEach(incident -> runtime.resolveIncident(incident.getId()));
    runtime.createMessageCorrelation(DELIVERED).processInstanceId(handle).correlateAll();
  }
}
