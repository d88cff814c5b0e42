package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** ErasureRequestProcess.bpmn: the by-hand path. */
@Deployment(resources = "ErasureRequestProcess.bpmn")
class ErasureRequestProcessTest extends FulfilmentProcessTestBase {

  ErasureRequestProcessTest() {
    super("ErasureRequestProcess");
  }
}
