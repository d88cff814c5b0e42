package dk.mico.rightsdesk.workflow;

import org.camunda.bpm.engine.test.Deployment;

/** ConsentWithdrawalProcess.bpmn: the by-hand path. */
@Deployment(resources = "ConsentWithdrawalProcess.bpmn")
class ConsentWithdrawalProcessTest extends FulfilmentProcessTestBase {

  ConsentWithdrawalProcessTest() {
    super("ConsentWithdrawalProcess");
  }
}
