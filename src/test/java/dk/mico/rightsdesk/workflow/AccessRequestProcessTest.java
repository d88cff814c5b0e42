package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** AccessRequestProcess.bpmn: the by-hand path. */
@Deployment(resources = "AccessRequestProcess.bpmn")
class AccessRequestProcessTest extends FulfilmentProcessTestBase {

  AccessRequestProcessTest() {
    super("AccessRequestProcess");
  }
}
