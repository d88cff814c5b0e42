package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** PortabilityRequestProcess.bpmn: every path of a portability request (Art 20). */
@Deployment(resources = "PortabilityRequestProcess.bpmn")
class PortabilityRequestProcessTest extends AccessProcessTestBase {

  PortabilityRequestProcessTest() {
    super("PortabilityRequestProcess");
  }
}
