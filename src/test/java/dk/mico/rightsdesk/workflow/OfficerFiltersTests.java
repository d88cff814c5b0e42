package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The officers' Tasklist filters made at start: what each shows, and that officers cannot make their own. */
@RightsDeskSpringTest
class OfficerFiltersTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TestDriver driver;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;
  @Autowired AccessSetup accessSetup;

  private String overdueTask;
  private String dueSoonTask;
  private String laterTask;

  @BeforeEach
  void threeTasks() throws Exception {
    driver.reset();
    OffsetDateTime now = TestClock.now().atZone(ZoneId.of("Europe/Copenhagen")).toOffsetDateTime();
    // registered a minute apart, the earliest deadline first: sorting by creation and by due date disagree
    overdueTask = taskOf(register(now.minusDays(45)));
    driver.setTime(Date.from(TestClock.now().plusSeconds(60)));
    dueSoonTask = taskOf(register(now.minusDays(26)));
    driver.setTime(Date.from(TestClock.now().plusSeconds(60)));
    laterTask = taskOf(register(now.minusHours(1)));
    identity.setAuthentication("officer", List.of("gdpr-officer"));
  }

  @AfterEach
  void logOut() {
    identity.clearAuthentication();
  }

  private String register(OffsetDateTime receivedAt) throws Exception {
    String body = json.writeValueAsString(Map.of("type", "ACCESS", "name", "Filter Person",
        "email", "filter.person+" + java.util.UUID.randomUUID() + "@example.dk", "channel", "PHONE", "receivedAt", receivedAt.toString(),
        "identityVerified", true, "identityNote", "Called from the number on file"));
    return json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
  }

  private String taskOf(String reference) {
    driver.runDueJobs();
    return tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getId();
  }

  private List<String> shownBy(String filterName) {
    Filter filter = filters.createTaskFilterQuery().filterName(filterName).singleResult();
    assertThat(filter).as("the officer sees the filter " + filterName).isNotNull();
    // the engine refuses unbounded lists to a logged-in user, as Tasklist's are
    return filters.<Task>listPage(filter.getId(), 0, 1000).stream().map(Task::getId).toList();
  }

  @Test
  void eachFilterShowsTheTasksItsNameSays() {
    assertThat(shownBy("All open")).contains(overdueTask, dueSoonTask, laterTask);
    assertThat(shownBy("Due within 7 days")).contains(overdueTask, dueSoonTask).doesNotContain(laterTask);
    assertThat(shownBy("Overdue")).contains(overdueTask).doesNotContain(dueSoonTask, laterTask);
  }

  /** Tasklist sends its own sorting, by creation, newest first, unless the officer picks another. */
  private List<String> shownInTasklistBy(String filterName) {
    Filter filter = filters.createTaskFilterQuery().filterName(filterName).singleResult();
    return filters.<Task, TaskQuery>listPage(filter.getId(), tasks.createTaskQuery().orderByTaskCreateTime().desc(),
        0, 1000).stream().map(Task::getId).toList();
  }

  @Test
  void eachFilterListsTheEarliestDeadlineFirstThoughTasklistSortsByCreation() {
    assertThat(shownInTasklistBy("All open")).containsSubsequence(overdueTask, dueSoonTask, laterTask);
    assertThat(shownInTasklistBy("Due within 7 days")).containsSubsequence(overdueTask, dueSoonTask);
  }

  @Test
  void aFilterOfAnOlderVersionSortsByDueDateAfterTheNextStart() {
    identity.clearAuthentication();
    Filter allOpen = filters.createTaskFilterQuery().filterName("All open").singleResult();
    filters.saveFilter(allOpen.setQuery(tasks.createTaskQuery().taskCandidateGroup("gdpr-officer")
        .includeAssignedTasks()));
    identity.setAuthentication("officer", List.of("gdpr-officer"));
    assertThat(shownInTasklistBy("All open")).as("unsorted, Tasklist's creation order rules")
        .containsSubsequence(laterTask, dueSoonTask, overdueTask);

    identity.clearAuthentication();
    accessSetup.afterSingletonsInstantiated();
    accessSetup.afterSingletonsInstantiated();

    identity.setAuthentication("officer", List.of("gdpr-officer"));
    assertThat(shownInTasklistBy("All open")).containsSubsequence(overdueTask, dueSoonTask, laterTask);
    assertThat(filters.createTaskFilterQuery().filterName("All open").count()).isEqualTo(1);
  }

  @Test
  void officersCannotMakeFiltersOfTheirOwn() {
    assertThatThrownBy(() -> filters.saveFilter(
            filters.newTaskFilter("Mine").setQuery(tasks.createTaskQuery().taskAssignee("officer"))))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("CREATE");
  }
}
