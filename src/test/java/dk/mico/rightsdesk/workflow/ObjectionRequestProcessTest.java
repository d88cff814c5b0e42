package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** ObjectionRequestProcess.bpmn: the by-hand path. */
@Deployment(resources = "ObjectionRequestProcess.bpmn")
class ObjectionRequestProcessTest extends FulfilmentProcessTestBase {

  ObjectionRequestProcessTest() {
    super("ObjectionRequestProcess");
  }
}
