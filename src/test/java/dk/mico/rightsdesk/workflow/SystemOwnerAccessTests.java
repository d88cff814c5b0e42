package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The owner group of a system worked by hand, other than the officers: it finds its search task in Tasklist, reads
 * and completes it, and sees none of the officers' tasks of the same request.
 */
@RightsDeskSpringTest
class SystemOwnerAccessTests {

  private static final String OWNERS = "archive-keepers";
  private static final String OWNER = "kimarchive";

  @Autowired AccessSetup access;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RequestLifecycle lifecycle;
  @Autowired TestDriver driver;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  private String reference;

  @BeforeEach
  void anOwnerGroupWithOneMember() {
    driver.reset();
    access.setUpSystemOwnerGroup(OWNERS);
    if (identity.createUserQuery().userId(OWNER).count() == 0) {
      User user = identity.newUser(OWNER);
      user.setFirstName("Kim");
      user.setLastName("Archive");
      user.setPassword("not-used-here");
      identity.saveUser(user);
      identity.createMembership(OWNER, OWNERS);
    }
  }

  @AfterEach
  void closeTheRequest() {
    identity.clearAuthentication();
    if (reference != null && lifecycle.get(reference).isOpen()) {
      lifecycle.withdraw(lifecycle.get(reference));
      driver.runDueJobs();
    }
  }

  @Test
  void anOwnerGroupWorksItsSearchTaskFromItsFilterAndSeesNoOfficerTask() throws Exception {
    assertThat(identity.createGroupQuery().groupId(OWNERS).count()).isOne();
    assertThat(authorizations.isUserAuthorized(OWNER, List.of(OWNERS), Permissions.ACCESS, Resources.APPLICATION,
        "tasklist")).as("Tasklist").isTrue();
    reference = registerAccessRequest("kim.owner.test@example.dk");
    Task search = driver.onlyTask(reference, "UserTask_SearchManualSystem");
    // the search task as it is for a system this group owns: the group a candidate (the engine grants the rest)
    tasks.addCandidateGroup(search.getId(), OWNERS);

    identity.setAuthentication(OWNER, List.of(OWNERS));
    Filter filter = filters.createTaskFilterQuery().filterName(AccessSetup.SYSTEM_TASKS_FILTER).singleResult();
    assertThat(filter).as("the group may read its filter").isNotNull();
    List<Task> listed = filters.listPage(filter.getId(), 0, 50);
    assertThat(listed).extracting(Task::getId).containsExactly(search.getId());
    assertThat((String) tasks.getVariable(search.getId(), "systemName")).isNotBlank();
    assertThat(forms.getDeployedTaskForm(search.getId())).isNotNull();
    forms.submitTaskForm(search.getId(), Map.of("foundInSystem", "NOTHING"));
    identity.clearAuthentication();
    driver.runDueJobs();

    Task review = driver.onlyTask(reference, "UserTask_ReviewReport");
    identity.setAuthentication(OWNER, List.of(OWNERS));
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(reference).listPage(0, 50))
        .as("the officers' review stays closed to the group").isEmpty();
    assertThat(filters.listPage(filter.getId(), 0, 50)).isEmpty();
    assertThatThrownBy(() -> tasks.getVariables(review.getId())).isInstanceOf(AuthorizationException.class);
  }

  private String registerAccessRequest(String email) throws Exception {
    String body = """
        {"type": "ACCESS", "name": "Kim Owner Test", "email": "%s", "language": "en", "channel": "EMAIL",
         "receivedAt": "%s", "identityVerified": true, "identityNote": "Known address, signed e-mail"}"""
        .formatted(email, TestClock.now().atOffset(java.time.ZoneOffset.UTC).minusHours(1));
    String response = mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    driver.runDueJobs();
    return json.readTree(response).path("reference").asText();
  }
}
