package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * UndeliveredMailProcess.bpmn with the alarm that drives it: the incident Cockpit shows for a mail the SMTP server
 * has refused for a day, and its end when the mail goes (the outbox's side is tested in SmtpOutageTests).
 */
@Deployment(resources = "processes/UndeliveredMailProcess.bpmn")
class UndeliveredMailProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
      .assertClassCoverageAtLeast(1.0).build();

  private CamundaUndeliveredMailAlarm alarm;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(engine.getProcessEngine());
    alarm = new CamundaUndeliveredMailAlarm(runtimeService());
  }

  @Test
  void anUndeliveredMailIsAnIncidentUntilItGoes() {
    String handle = alarm.raise("DSR-2026-00001", "DSR-2026-00001/ANSWER", "MailSendException",
        Instant.parse("2026-12-01T09:00:00Z"));

    ProcessInstance instance = runtimeService().createProcessInstanceQuery().processInstanceId(handle).singleResult();
    assertThat(instance).isWaitingAt("Event_MailDelivered");
    assertThat(instance.getBusinessKey()).isEqualTo("DSR-2026-00001");
    Incident incident = runtimeService().createIncidentQuery().processInstanceId(handle).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo("undeliveredMail");
    assertThat(incident.getActivityId()).isEqualTo("Event_MailDelivered");
    assertThat(incident.getConfiguration()).isEqualTo("DSR-2026-00001/ANSWER");
    assertThat(incident.getIncidentMessage()).contains("DSR-2026-00001/ANSWER", "2026-12-01T09:00:00Z",
        "MailSendException");

    alarm.clear(handle);
    assertThat(runtimeService().createIncidentQuery().count()).isZero();
    assertThat(instance).isEnded().hasPassed("EndEvent_MailOut");
  }
}
