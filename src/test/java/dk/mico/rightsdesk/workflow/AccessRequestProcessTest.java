package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** AccessRequestProcess.bpmn: every path of an access request (Art 15). */
@Deployment(resources = "processes/AccessRequestProcess.bpmn")
class AccessRequestProcessTest extends AccessProcessTestBase {

  AccessRequestProcessTest() {
    super("AccessRequestProcess");
  }
}
