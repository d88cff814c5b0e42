package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** RectificationRequestProcess.bpmn: the by-hand path. */
@Deployment(resources = "RectificationRequestProcess.bpmn")
class RectificationRequestProcessTest extends FulfilmentProcessTestBase {

  RectificationRequestProcessTest() {
    super("RectificationRequestProcess");
  }
}
