package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** RestrictionRequestProcess.bpmn: the by-hand path. */
@Deployment(resources = "RestrictionRequestProcess.bpmn")
class RestrictionRequestProcessTest extends FulfilmentProcessTestBase {

  RestrictionRequestProcessTest() {
    super("RestrictionRequestProcess");
  }
}
