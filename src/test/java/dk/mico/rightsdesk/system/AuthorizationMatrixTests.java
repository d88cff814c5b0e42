package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import dk.mico.rightsdesk.support.WebappSession;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Who may do what: anonymous, officer, manager and admin against every endpoint and against Tasklist's tasks. */
@RightsDeskSpringTest
class AuthorizationMatrixTests {

  private static final String VALID_OFFICER_BODY = """
      {"type": "RECTIFICATION", "name": "Matrix Person", "email": "matrix@example.dk", "channel": "EMAIL",
       "receivedAt": "2026-11-02T10:00:00+01:00", "identityVerified": true, "identityNote": "Known sender"}""";

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired ObjectMapper json;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @LocalServerPort int port;

  private static String reference;

  @BeforeEach
  void aRequestExists() throws Exception {
    driver.reset();
    if (reference == null) {
      reference = json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
              .contentType(MediaType.APPLICATION_JSON).content(VALID_OFFICER_BODY))
          .andReturn().getResponse().getContentAsString()).path("reference").asText();
      driver.runDueJobs();
    }
  }

  /** endpoint, then the expected status for anonymous, officer, manager, admin. */
  static Stream<Arguments> matrix() {
    return Stream.of(
        Arguments.of("GET", "/", null, 200, 200, 200, 200),
        Arguments.of("GET", "/?lang=en", null, 200, 200, 200, 200),
        Arguments.of("POST", "/api/requests", "{\"type\": \"ACCESS\", \"name\": \"M\", \"email\": \"m@example.dk\"}",
            202, 202, 202, 202),
        Arguments.of("GET", "/status/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null, 404, 404, 404, 404),
        Arguments.of("GET", "/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null, 404, 404, 404, 404),
        Arguments.of("GET", "/swagger-ui.html", null, 302, 302, 302, 302),
        Arguments.of("GET", "/actuator/health", null, 200, 200, 200, 200),
        Arguments.of("GET", "/v3/api-docs", null, 200, 200, 200, 200),
        Arguments.of("GET", "/api/officer/requests?open=true", null, 401, 200, 200, 403),
        Arguments.of("GET", "/api/officer/requests/{ref}", null, 401, 200, 200, 403),
        Arguments.of("GET", "/api/officer/requests/DSR-1999-00000", null, 401, 404, 404, 403),
        Arguments.of("GET", "/api/officer/deadline?receivedAt=2025-01-31T23:30:00Z", null, 401, 200, 200, 403),
        Arguments.of("POST", "/api/officer/requests", VALID_OFFICER_BODY, 401, 201, 403, 403),
        // an undeclared system cannot be replayed: the officer's answer is 400, after the role check
        Arguments.of("POST", "/api/officer/restores",
            "{\"system\": \"old-crm\", \"backupTakenAt\": \"2026-11-01T00:00:00Z\"}", 401, 400, 403, 403),
        Arguments.of("GET", "/procedure", null, 401, 200, 200, 200),
        Arguments.of("GET", "/procedure.pdf", null, 401, 200, 200, 200),
        Arguments.of("GET", "/dev/mailbox", null, 401, 200, 403, 200),
        Arguments.of("GET", "/actuator/env", null, 401, 403, 403, 404),
        Arguments.of("GET", "/some/unknown/path", null, 401, 403, 403, 403));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("matrix")
  void endpointAnswersEachCallerAsDesigned(String method, String path, String body, int anonymous, int officer,
      int manager, int admin) throws Exception {
    String uri = path.replace("{ref}", reference);
    Map<String, Integer> expected = Map.of("", anonymous, "officer", officer, "manager", manager, "admin", admin);
    for (var entry : expected.entrySet()) {
      MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), uri)
          .accept(MediaType.APPLICATION_JSON);
      if (body != null) {
        request.contentType(MediaType.APPLICATION_JSON).content(body);
      }
      if (!entry.getKey().isEmpty()) {
        request.with(httpBasic(entry.getKey(), entry.getKey()));
      }
      int actual = mvc.perform(request).andReturn().getResponse().getStatus();
      assertThat(actual).as("%s %s as %s", method, path, entry.getKey().isEmpty() ? "anonymous" : entry.getKey())
          .isEqualTo(entry.getValue());
    }
  }

  @Test
  void managersSeeDeadlinesButNoContactData() throws Exception {
    mvc.perform(get("/api/officer/requests/" + reference).with(httpBasic("manager", "manager")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dueDate").exists())
        .andExpect(jsonPath("$.subject").doesNotExist())
        .andExpect(jsonPath("$.letters").doesNotExist());
    mvc.perform(get("/api/officer/requests/" + reference).with(httpBasic("officer", "officer")))
        .andExpect(jsonPath("$.subject.email").value("matrix@example.dk"));
  }

  @Test
  void mailboxIsAPageForAPersonAndJsonForAProgram() throws Exception {
    mvc.perform(get("/dev/mailbox").accept(MediaType.TEXT_HTML).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
            .string(org.hamcrest.Matchers.containsString("Mailbox of the embedded SMTP server")));
    mvc.perform(get("/dev/mailbox").accept(MediaType.APPLICATION_JSON).with(httpBasic("admin", "admin")))
        .andExpect(status().isOk()).andExpect(jsonPath("$").isArray());
  }

  @Test
  void wrongPasswordIsRefusedWithAProblemDocument() throws Exception {
    // not a real user: Camunda delays a user's next login after a wrong password
    mvc.perform(get("/api/officer/requests").with(httpBasic("intruder", "guess")))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.title").value("Authentication required"));
  }

  @Test
  void onlyOfficersAndAdminsCompleteTasksAndManagersCannotReadVariables() {
    Task task = driver.onlyTask(reference, "UserTask_CheckAccuracy");
    String processInstance = task.getProcessInstanceId();

    identity.setAuthentication("manager", List.of("management"));
    try {
      assertThatThrownBy(() -> runtime.getVariables(processInstance)).isInstanceOf(AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    assertThatThrownBy(() -> driver.submitAs("manager", List.of("management"), task,
        Map.of("accuracyDecision", "SUPPLEMENT", "accuracyStatement", "x"))).isInstanceOf(AuthorizationException.class);
    driver.submitAsOfficer(task, Map.of("accuracyDecision", "SUPPLEMENT", "accuracyStatement", "Noted as stated"));
    driver.runDueJobs();
    driver.nothingHeldByHand(reference);
    Task approval = driver.onlyTask(reference, "UserTask_ApproveAnswer");
    driver.submitAs("admin", List.of("camunda-admin"), approval, Map.of("answerDecision", "REVISE"));
    assertThat(driver.onlyTask(reference, "UserTask_ReviseAnswer")).isNotNull();
  }

  @Test
  void tasklistAndCockpitOverHttpRespectTheGroups() throws Exception {
    // whichever officer task the request waits in (earlier tests may have moved it on)
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).list().get(0);
    String submit = "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";
    String variables = "/camunda/api/engine/engine/default/process-instance/" + task.getProcessInstanceId()
        + "/variables";

    WebappSession anonymous = new WebappSession(port);
    assertThat(anonymous.get("/camunda/api/engine/engine/default/task?maxResults=50").statusCode()).isEqualTo(401);
    assertThat(anonymous.postJson(submit, "{}").statusCode()).isIn(401, 403);
    assertThat(anonymous.postJson("/camunda/api/admin/setup/default/user/create",
        "{\"profile\": {\"id\": \"intruder\"}, \"credentials\": {\"password\": \"x\"}}").statusCode())
        .as("no anonymous bootstrap of an administrator").isIn(401, 403);

    WebappSession manager = new WebappSession(port);
    assertThat(manager.login("tasklist", "manager", "manager")).as("manager has no Tasklist").isNotEqualTo(200);
    assertThat(manager.login("cockpit", "manager", "manager")).isEqualTo(200);
    assertThat(manager.get("/camunda/api/engine/engine/default/process-instance?maxResults=50&businessKey=" + reference).body())
        .contains(task.getProcessInstanceId());
    assertThat(manager.get(variables).statusCode()).isEqualTo(403);
    assertThat(manager.postJson(submit, "{\"variables\": {}}").statusCode()).isEqualTo(403);

    WebappSession officer = new WebappSession(port);
    assertThat(officer.login("tasklist", "officer", "officer")).isEqualTo(200);
    assertThat(officer.get("/camunda/api/engine/engine/default/task?maxResults=50&processInstanceBusinessKey=" + reference)
        .body()).contains(task.getId());
  }

}
