package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** PortabilityRequestProcess.bpmn: the by-hand path. */
@Deployment(resources = "PortabilityRequestProcess.bpmn")
class PortabilityRequestProcessTest extends FulfilmentProcessTestBase {

  PortabilityRequestProcessTest() {
    super("PortabilityRequestProcess");
  }
}
