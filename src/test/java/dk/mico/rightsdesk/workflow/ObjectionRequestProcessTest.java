package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.OBJECTION_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;

/** ObjectionRequestProcess.bpmn: a general objection by hand; an objection to direct marketing at once. */
@Deployment(resources = "ObjectionRequestProcess.bpmn")
class ObjectionRequestProcessTest extends FulfilmentProcessTestBase {

  ObjectionRequestProcessTest() {
    super("ObjectionRequestProcess");
  }

  @Override
  Map<String, Object> startVariables() {
    Map<String, Object> variables = super.startVariables();
    variables.put(OBJECTION_SCOPE, "GENERAL");
    return variables;
  }

  @Test
  void objectionToDirectMarketingIsCarriedOutInEverySystemWithNoHumanStep() {
    Map<String, Object> variables = super.startVariables();
    variables.put(OBJECTION_SCOPE, "DIRECT_MARKETING");
    ProcessInstance objection = runtimeService().startProcessInstanceByKey("ObjectionRequestProcess", variables);

    AutomatedPaths.runAllJobs(objection);

    assertThat(objection).isEnded().hasPassed("EndEvent_MarketingStopped").hasNotPassed("UserTask_HandleByHand");
    assertThat(taskService().createTaskQuery().count()).isZero();
    assertThat(mocks().calls()).containsExactly(
        "discoverInSystemDelegate Task_DiscoverInSystem systemId=case-management",
        "discoverInSystemDelegate Task_DiscoverInSystem systemId=newsletter",
        "stopMarketingInSystemDelegate Task_StopMarketingInSystem systemId=case-management",
        "stopMarketingInSystemDelegate Task_StopMarketingInSystem systemId=newsletter",
        "addSuppressionEntryDelegate Task_AddSuppressionEntry",
        "recordAutomatedAnswerDelegate Task_RecordAutomatedAnswer");
  }
}
