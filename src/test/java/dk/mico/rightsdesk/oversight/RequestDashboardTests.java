package dk.mico.rightsdesk.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import dk.mico.rightsdesk.support.WebappSession;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The managers' view: every open request's deadline and state, no personal data, for managers and officers. */
@RightsDeskSpringTest
class RequestDashboardTests {

  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TestDriver driver;
  @Autowired ManagementService management;
  @Autowired RuntimeService runtime;
  @LocalServerPort int port;

  private String overdue;
  private String fresh;

  @BeforeEach
  void twoOpenRequests() throws Exception {
    driver.reset();
    overdue = register("ACCESS", "Dorthe Forsinket", "dorthe.forsinket@example.dk",
        TestClock.now().atZone(COPENHAGEN).toOffsetDateTime().minusDays(45));
    fresh = register("ERASURE", "Frede Frisk", "frede.frisk@example.dk",
        TestClock.now().atZone(COPENHAGEN).toOffsetDateTime().minusHours(1));
    driver.runDueJobs();
  }

  private String register(String type, String name, String email, OffsetDateTime receivedAt) throws Exception {
    // each test's requests have addresses of their own, or a later one would close as a duplicate of an earlier one
    String unique = email.replace("@", "+" + java.util.UUID.randomUUID() + "@");
    String body = json.writeValueAsString(java.util.Map.of("type", type, "name", name, "email", unique,
        "channel", "EMAIL", "receivedAt", receivedAt.toString(), "identityVerified", true,
        "identityNote", "Known sender"));
    return json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
  }

  /** The suite's other requests stay open beside these: without a limit of its own, one page holds them all. */
  private String dashboardAs(String user, String query) throws Exception {
    String page = query.contains("limit=") ? query : query + (query.isEmpty() ? "?" : "&") + "limit=1000";
    return mvc.perform(get("/api/officer/dashboard" + page).with(httpBasic(user, user)))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
  }

  private List<String> references(String body) throws Exception {
    return StreamSupport.stream(json.readTree(body).path("requests").spliterator(), false)
        .map(r -> r.path("reference").asText()).toList();
  }

  private JsonNode row(String body, String reference) throws Exception {
    for (JsonNode row : json.readTree(body).path("requests")) {
      if (row.path("reference").asText().equals(reference)) {
        return row;
      }
    }
    throw new AssertionError(reference + " is not on the dashboard");
  }

  @Test
  void managerSeesDeadlinesStateAndTheTaskHolderButNoPersonalData() throws Exception {
    String body = dashboardAs("manager", "");

    JsonNode late = row(body, overdue);
    assertThat(late.path("overdue").asBoolean()).isTrue();
    assertThat(late.path("calendarDaysLeft").asInt()).isNegative();
    assertThat(late.path("workingDaysLeft").asInt()).isNegative();
    assertThat(late.path("type").asText()).isEqualTo("ACCESS");
    assertThat(late.path("channel").asText()).isEqualTo("EMAIL");
    assertThat(late.path("currentTask").asText()).startsWith("Search the system by hand: " + overdue);
    assertThat(late.path("heldBy").asText()).isEqualTo("gdpr-officer");
    assertThat(late.path("registeredAfterDeadline").asBoolean()).as("registered 45 days after receipt").isTrue();
    assertThat(row(body, fresh).path("registeredAfterDeadline").asBoolean()).isFalse();
    assertThat(late.path("processInstanceId").asText()).isNotBlank();
    assertThat(late.path("openIncidents").asInt()).isZero();

    JsonNode onTime = row(body, fresh);
    assertThat(onTime.path("overdue").asBoolean()).isFalse();
    assertThat(onTime.path("calendarDaysLeft").asInt()).isGreaterThanOrEqualTo(27);
    assertThat(onTime.path("extended").asBoolean()).isFalse();
    assertThat(onTime.path("paused").asBoolean()).isFalse();

    List<String> order = references(body);
    assertThat(order.indexOf(overdue)).as("most urgent first").isLessThan(order.indexOf(fresh));
    assertThat(body).doesNotContain("Dorthe", "Forsinket", "dorthe.forsinket", "Frede", "frede.frisk", "@");
  }

  @Test
  void filtersByRightStateAndDueWindow() throws Exception {
    assertThat(references(dashboardAs("manager", "?state=OVERDUE"))).contains(overdue).doesNotContain(fresh);
    assertThat(references(dashboardAs("manager", "?type=ERASURE"))).contains(fresh).doesNotContain(overdue);
    assertThat(references(dashboardAs("manager", "?dueWithinDays=7"))).contains(overdue).doesNotContain(fresh);
    assertThat(references(dashboardAs("manager", "?type=ACCESS&state=IN_PROGRESS&dueWithinDays=60")))
        .contains(overdue).doesNotContain(fresh);

    mvc.perform(get("/api/officer/dashboard?state=LATE&dueWithinDays=soon").with(httpBasic("manager", "manager")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("state"))
        .andExpect(jsonPath("$.errors[1].field").value("dueWithinDays"));
  }

  @Test
  void aPageAtATimeMostUrgentFirstWithTheCountsOfAll() throws Exception {
    OffsetDateTime now = TestClock.now().atZone(COPENHAGEN).toOffsetDateTime();
    String second = register("ACCESS", "Anna Anden", "anna.anden@example.dk", now.minusDays(20));
    String third = register("ERASURE", "Bo Tredje", "bo.tredje@example.dk", now.minusDays(10));
    driver.runDueJobs();
    // the other tests' requests stay open beside these: the pages are compared with the whole list
    JsonNode everything = json.readTree(dashboardAs("manager", "?limit=1000"));
    List<String> all = references(everything.toString());
    assertThat(all).containsSubsequence(overdue, second, third, fresh);
    assertThat(everything.path("matchingRequests").asInt()).isEqualTo(all.size());

    int at = all.indexOf(second);
    JsonNode page = json.readTree(dashboardAs("manager", "?offset=" + at + "&limit=2"));
    assertThat(references(page.toString())).containsExactly(second, all.get(at + 1));
    assertThat(page.path("offset").asInt()).isEqualTo(at);
    assertThat(page.path("matchingRequests").asInt()).isEqualTo(all.size());
    assertThat(page.path("openRequests").asInt()).isEqualTo(everything.path("openRequests").asInt());
    assertThat(page.path("stuckRequests").asInt()).isEqualTo(everything.path("stuckRequests").asInt());
    assertThat(row(page.toString(), second).path("currentTask").asText())
        .as("the page's rows have their engine's work").startsWith("Search the system by hand: " + second);
    assertThat(references(dashboardAs("manager", "?offset=" + all.size()))).isEmpty();

    // a filter pages over the rows it lets through and counts them; the open and stuck ones stay counted in all
    assertThat(pagedByTwo("type=ERASURE")).contains(third, fresh).doesNotContain(overdue, second);
    assertThat(pagedByTwo("dueWithinDays=15")).contains(overdue, second).doesNotContain(third, fresh);
    assertThat(pagedByTwo("state=STUCK")).contains(overdue).doesNotContain(fresh);

    mvc.perform(get("/api/officer/dashboard?offset=-1&limit=1001").with(httpBasic("manager", "manager")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("offset"))
        .andExpect(jsonPath("$.errors[1].field").value("limit"));
  }

  /** The filter's rows read two at a time, checked against its whole list and its count. */
  private List<String> pagedByTwo(String filter) throws Exception {
    JsonNode whole = json.readTree(dashboardAs("manager", "?" + filter + "&limit=1000"));
    List<String> filtered = references(whole.toString());
    assertThat(whole.path("matchingRequests").asInt()).as(filter).isEqualTo(filtered.size());
    List<String> paged = new java.util.ArrayList<>();
    for (int offset = 0; offset < filtered.size(); offset += 2) {
      JsonNode page = json.readTree(dashboardAs("manager", "?" + filter + "&offset=" + offset + "&limit=2"));
      assertThat(page.path("matchingRequests").asInt()).as(filter).isEqualTo(filtered.size());
      paged.addAll(references(page.toString()));
    }
    assertThat(paged).as(filter).isEqualTo(filtered);
    return filtered;
  }

  @Test
  void aJobThatKeepsFailingShowsAsAnIncidentOfItsRequest() throws Exception {
    String failing = register("PORTABILITY", "Ida Incident", "ida.incident@example.dk",
        TestClock.now().atZone(COPENHAGEN).toOffsetDateTime().minusDays(2));
    String process = runtime.createProcessInstanceQuery().processDefinitionKey("DataSubjectRequestProcess")
        .processInstanceBusinessKey(failing).singleResult().getId();
    Job acknowledgement = management.createJobQuery().processInstanceId(process).activityId("Task_SendAcknowledgement")
        .singleResult();
    management.setJobRetries(acknowledgement.getId(), 0);
    try {
      JsonNode row = row(dashboardAs("manager", "?state=INCIDENT"), failing);
      assertThat(row.path("openIncidents").asInt()).isEqualTo(1);
      assertThat(references(dashboardAs("manager", "?state=INCIDENT"))).doesNotContain(overdue, fresh);
      // stuck too, after the overdue one (its task past its due date), and on its own page
      List<String> stuck = references(dashboardAs("manager", "?state=STUCK"));
      assertThat(stuck).containsSubsequence(overdue, failing);
      assertThat(references(dashboardAs("manager", "?state=STUCK&offset=" + stuck.indexOf(failing) + "&limit=1")))
          .containsExactly(failing);
    } finally {
      management.setJobRetries(acknowledgement.getId(), 1);
      driver.runDueJobs();
    }
  }

  @Test
  void officersToo_adminsAndAnonymousNot() throws Exception {
    assertThat(references(dashboardAs("officer", ""))).contains(overdue, fresh);
    mvc.perform(get("/api/officer/dashboard")).andExpect(status().isUnauthorized());
    mvc.perform(get("/api/officer/dashboard").with(httpBasic("admin", "admin"))).andExpect(status().isForbidden());
  }

  @Test
  void cockpitSessionOfAManagerIsEnoughToReadIt() throws Exception {
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", "manager", "manager")).isEqualTo(200);
    var response = cockpit.get("/api/officer/dashboard");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(references(response.body())).contains(overdue, fresh);
    assertThat(new WebappSession(port).get("/api/officer/dashboard").statusCode()).as("no session").isEqualTo(401);
  }
}
