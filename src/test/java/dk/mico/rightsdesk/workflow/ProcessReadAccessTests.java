package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.system.security.Groups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every deployed process is open to the officers and the managers in Cockpit: its instances, incidents and history.
 * A process left out hides its incidents from them, as an undelivered mail's and the recipients' notices once were.
 */
@RightsDeskSpringTest
class ProcessReadAccessTests {

  @Autowired RepositoryService repository;
  @Autowired AuthorizationService authorizations;

  @Test
  void officersAndManagersMayReadEveryDeployedProcessWithItsInstances() {
    List<String> processes = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(ProcessDefinition::getKey).toList();
    assertThat(processes).contains("RecipientNoticeProcess", CamundaUndeliveredMailAlarm.PROCESS);
    for (String group : List.of(Groups.OFFICER, Groups.MANAGEMENT)) {
      assertThat(processes).as(group).allSatisfy(process -> {
        assertThat(authorizations.isUserAuthorized("someone", List.of(group), ProcessDefinitionPermissions.READ,
            Resources.PROCESS_DEFINITION, process)).as("%s reads %s", group, process).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of(group),
            ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, process))
            .as("%s reads the instances of %s", group, process).isTrue();
      });
    }
  }
}
