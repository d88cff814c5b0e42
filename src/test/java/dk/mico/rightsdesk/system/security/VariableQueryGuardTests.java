package dk.mico.rightsdesk.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import dk.mico.rightsdesk.support.WebappSession;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A manager (and a system's owner group) may not read process variables; the webapps' APIs must not answer yes/no
 * questions about their values either: no count, list, sorting or batch query of the engine API or of Cockpit's
 * plugin API answers differently for a subject's real e-mail, name or address than for values nobody has. Officers
 * keep their Tasklist, owners their own task, managers their Cockpit.
 */
@RightsDeskSpringTest
class VariableQueryGuardTests {

  private static final String NAME = "Vibeke Fortrolig";
  private static final String EMAIL = "vibeke.fortrolig@example.dk";
  private static final String ADDRESS = "Hemmeliggade 7, 8000 Aarhus C";

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String COCKPIT = "/camunda/api/cockpit/plugin/base/default";
  private static final String OWNERS = "vault-keepers";
  private static final String OWNER = "vaultkeeper";
  private static final String OWNER_PASSWORD = "Vault-Keeper-Password-1";

  @Autowired OfficerApi api;
  @Autowired TestDriver driver;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FilterService filters;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired RequestLifecycle lifecycle;
  @LocalServerPort int port;

  private String reference;
  private Task search;

  /** A request whose officer task is open, so the subject's data is on the task's screen (task-local variables). */
  @BeforeEach
  void aRequestWaitsForAnOfficer() throws Exception {
    driver.reset();
    reference = api.register(json.writeValueAsString(Map.of("type", "ACCESS", "name", NAME, "email", EMAIL,
        "postalAddress", ADDRESS, "channel", "LETTER", "receivedAt", "2026-11-02T10:00:00+01:00",
        "identityVerified", true, "identityNote", "Signed letter")));
    driver.runDueJobs();
    search = driver.onlyTask(reference, "UserTask_SearchManualSystem");
    assertThat(driver.taskField(search, "subjectEmail")).isEqualTo(EMAIL);
    assertThat(driver.taskField(search, "postalAddress")).isEqualTo(ADDRESS);
  }

  @AfterEach
  void closeTheRequest() {
    if (lifecycle.get(reference).isOpen()) {
      lifecycle.withdraw(lifecycle.get(reference));
      driver.runDueJobs();
    }
  }

  @Test
  void noQueryOfTheWebappsAnswersAManagerDifferentlyForTheSubjectsRealData() throws Exception {
    // the subject's data is on the officer's task screen only, in no process variable
    for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
      assertThat(runtime.getVariables(instance.getId()).toString()).doesNotContain(EMAIL, NAME, "Hemmeliggade");
    }
    WebappSession manager = new WebappSession(port);
    assertThat(manager.login("cockpit", "manager", "manager")).isEqualTo(200);
    HttpResponse<String> instances = manager.postJson(ENGINE + "/process-instance/count",
        "{\"businessKey\": \"" + reference + "\"}");
    assertThat(json.readTree(instances.body()).path("count").asInt()).as("the session's POSTs reach the engine")
        .isPositive();

    // every leaking query is reported, not only the first
    SoftAssertions softly = new SoftAssertions();
    for (Guess guess : List.of(
        new Guess("subjectEmail", "eq", EMAIL, "nobody.else@example.dk"),
        new Guess("subjectName", "like", "Vibeke%", "Zacharias%"),
        new Guess("postalAddress", "like", "Hemmeliggade%", "Ukendtvej%"))) {
      List<Probe> real = probes(guess.name(), guess.operator(), guess.value());
      List<Probe> control = probes(guess.name(), guess.operator(), guess.nobodysValue());
      for (int i = 0; i < real.size(); i++) {
        HttpResponse<String> answer = real.get(i).sendAs(manager);
        HttpResponse<String> nobodysAnswer = control.get(i).sendAs(manager);
        String probe = real.get(i).method() + " " + real.get(i).path() + " " + real.get(i).body();
        softly.assertThat(answer.statusCode()).as("the endpoint exists: %s", probe).isNotEqualTo(404);
        softly.assertThat(answer.statusCode() + " " + answer.body())
            .as("the same answer as for a value nobody has: %s", probe)
            .isEqualTo(nobodysAnswer.statusCode() + " " + nobodysAnswer.body())
            .doesNotContain(EMAIL, NAME, "Hemmeliggade");
      }
    }
    // ordering by a variable's value answers "which is smaller", whatever the filters: refused outright
    for (String sortBy : List.of("processVariable", "executionVariable", "taskVariable")) {
      String sorting = "{\"sorting\": [{\"sortBy\": \"%s\", \"sortOrder\": \"asc\", \"parameters\": "
          .formatted(sortBy) + "{\"variable\": \"subjectEmail\", \"type\": \"String\"}}]}";
      softly.assertThat(manager.postJson(ENGINE + "/task?firstResult=0&maxResults=50", sorting).statusCode())
          .as("sorting by %s", sortBy).isEqualTo(403);
    }
    softly.assertAll();
  }

  @Test
  void officersKeepTheirTasklistAndManagersTheirCockpit() throws Exception {
    WebappSession officer = new WebappSession(port);
    assertThat(officer.login("tasklist", "officer", "officer")).isEqualTo(200);
    // Tasklist's own queries carry empty variable lists
    HttpResponse<String> list = officer.postJson(ENGINE + "/task?firstResult=0&maxResults=15",
        "{\"processVariables\": [], \"taskVariables\": [], \"caseInstanceVariables\": [], \"processInstanceBusinessKey\": \""
            + reference + "\", \"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains(search.getId());
    String allOpen = filters.createTaskFilterQuery().filterName("All open").singleResult().getId();
    HttpResponse<String> filtered = officer.postJson(ENGINE + "/filter/" + allOpen + "/list?firstResult=0&maxResults=15",
        "{\"processVariables\": [], \"taskVariables\": [], \"caseInstanceVariables\": []}");
    assertThat(filtered.statusCode()).isEqualTo(200);
    assertThat(filtered.body()).contains(search.getId());
    // officers may read the variables, so they may search by them too
    assertThat(officer.postJson(ENGINE + "/task/count", "{\"taskVariables\": [" + variable("subjectEmail", "eq", EMAIL)
        + "]}").body()).isEqualTo("{\"count\":1}");
    assertThat(officer.get(ENGINE + "/execution/count?variables=subjectEmail_eq_"
        + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8)).body()).isEqualTo("{\"count\":1}");
    assertThat(officer.get(ENGINE + "/task/" + search.getId() + "/form-variables").body()).contains(EMAIL, ADDRESS);

    WebappSession manager = new WebappSession(port);
    assertThat(manager.login("cockpit", "manager", "manager")).isEqualTo(200);
    HttpResponse<String> count = manager.get(ENGINE + "/process-instance/count?processDefinitionKey="
        + "DataSubjectRequestProcess");
    assertThat(count.statusCode()).isEqualTo(200);
    assertThat(json.readTree(count.body()).path("count").asInt()).isPositive();
    // Cockpit's list of a definition's instances sends an empty variable list
    ProcessInstance main = mainInstance();
    HttpResponse<String> instances = manager.postJson(COCKPIT + "/process-instance?firstResult=0&maxResults=50",
        "{\"processDefinitionId\": \"" + main.getProcessDefinitionId() + "\", \"businessKey\": \"" + reference
            + "\", \"variables\": [], \"activityIdIn\": [], \"sortBy\": \"startTime\", \"sortOrder\": \"desc\"}");
    assertThat(instances.statusCode()).isEqualTo(200);
    assertThat(instances.body()).contains(reference);
    // the instance page's variables tab lists nothing for a manager, and is not an error
    HttpResponse<String> variables = manager.postJson(ENGINE
        + "/variable-instance?firstResult=0&maxResults=50&deserializeValues=false", "{\"processInstanceIdIn\": [\""
        + search.getProcessInstanceId() + "\"], \"sorting\": [{\"sortBy\": \"variableName\", \"sortOrder\": \"asc\"}]}");
    assertThat(variables.statusCode() + " " + variables.body()).isEqualTo("200 []");
    HttpResponse<String> dashboard = manager.get("/api/officer/dashboard?limit=1000");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains(reference).doesNotContain(EMAIL, NAME);
  }

  @Test
  void anOwnerGroupWorksItsOwnTaskButMayNotSearchByVariables() throws Exception {
    anOwnerGroupWithOneMember();
    // the search task as it is for a system this group owns: the group a candidate (the engine grants the rest)
    tasks.addCandidateGroup(search.getId(), OWNERS);
    WebappSession owner = new WebappSession(port);
    assertThat(owner.login("tasklist", OWNER, OWNER_PASSWORD)).isEqualTo(200);

    HttpResponse<String> list = owner.postJson(ENGINE + "/task?firstResult=0&maxResults=15",
        "{\"processVariables\": [], \"taskVariables\": [], \"caseInstanceVariables\": []}");
    assertThat(list.body()).contains(search.getId());
    assertThat(owner.get(ENGINE + "/task/" + search.getId() + "/form-variables").body())
        .as("who to look for").contains(EMAIL);
    assertThat(owner.postJson(ENGINE + "/task/count", "{\"taskVariables\": [" + variable("subjectEmail", "eq", EMAIL)
        + "]}").statusCode()).isEqualTo(403);
    assertThat(owner.get(ENGINE + "/execution/count?variables=subjectEmail_eq_"
        + URLEncoder.encode(EMAIL, StandardCharsets.UTF_8)).statusCode()).isEqualTo(403);

    HttpResponse<String> submitted = owner.postJson(ENGINE + "/task/" + search.getId() + "/submit-form",
        "{\"variables\": {\"foundInSystem\": {\"value\": \"NOTHING\", \"type\": \"String\"}}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(search.getId()).count()).isZero();
  }

  private void anOwnerGroupWithOneMember() {
    if (identity.createGroupQuery().groupId(OWNERS).count() > 0) {
      return;
    }
    Group group = identity.newGroup(OWNERS);
    group.setName("Owners of a system worked by hand");
    identity.saveGroup(group);
    User user = identity.newUser(OWNER);
    user.setFirstName("Valdemar");
    user.setLastName("Keeper");
    user.setPassword(OWNER_PASSWORD);
    identity.saveUser(user);
    identity.createMembership(OWNER, OWNERS);
    Authorization tasklist = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    tasklist.setGroupId(OWNERS);
    tasklist.setResource(Resources.APPLICATION);
    tasklist.setResourceId("tasklist");
    tasklist.addPermission(Permissions.ACCESS);
    authorizations.saveAuthorization(tasklist);
  }

  private ProcessInstance mainInstance() {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .processDefinitionKey("DataSubjectRequestProcess").singleResult();
  }

  /**
   * Every count and list query of the webapps that takes a variable filter, as a GET with query parameters and as a
   * POST with a JSON body, plain, inside orQueries and inside the queries of batch operations.
   */
  private List<Probe> probes(String name, String operator, String value) throws JsonProcessingException {
    String get = URLEncoder.encode(name + "_" + operator + "_" + value, StandardCharsets.UTF_8);
    String one = "[" + variable(name, operator, value) + "]";
    String main = mainInstance().getId();
    String mainDefinition = mainInstance().getProcessDefinitionId();
    String allOpen = filters.createTaskFilterQuery().filterName("All open").singleResult().getId();
    String exact = json.writeValueAsString(value);
    List<Probe> probes = new ArrayList<>();
    for (String query : List.of("/process-instance?variables=", "/process-instance/count?variables=",
        "/execution?variables=", "/execution/count?variables=", "/execution/count?processVariables=",
        "/task?taskVariables=", "/task/count?taskVariables=", "/task/count?processVariables=",
        "/history/process-instance?variables=", "/history/process-instance/count?variables=",
        "/history/task/count?taskVariables=", "/history/task/count?processVariables=",
        "/variable-instance?variableValues=", "/variable-instance/count?variableValues=",
        "/external-task/count?processVariables=", "/case-instance/count?variables=",
        "/case-execution/count?variables=", "/history/case-instance/count?variables=")) {
      probes.add(new Probe("GET", ENGINE + query + get, null));
    }
    probes.add(new Probe("GET", ENGINE + "/history/variable-instance?variableName=" + name + "&variableValue="
        + URLEncoder.encode(value, StandardCharsets.UTF_8), null));
    probes.add(new Probe("GET", COCKPIT + "/process-instance/count?variables=" + get, null));
    probes.add(new Probe("GET", COCKPIT + "/process-instance?variables=" + get, null));
    probes.add(new Probe("GET", COCKPIT + "/process-instance/" + main + "/called-process-instances?variables="
        + get, null));
    probes.add(new Probe("GET", COCKPIT + "/process-definition/" + mainDefinition
        + "/called-process-definitions?variables=" + get, null));

    for (String key : List.of("variables", "processVariables")) {
      probes.add(new Probe("POST", ENGINE + "/execution/count", "{\"" + key + "\": " + one + "}"));
    }
    for (String key : List.of("taskVariables", "processVariables")) {
      probes.add(new Probe("POST", ENGINE + "/task/count", "{\"" + key + "\": " + one + "}"));
      probes.add(new Probe("POST", ENGINE + "/task?firstResult=0&maxResults=50", "{\"" + key + "\": " + one + "}"));
      probes.add(new Probe("POST", ENGINE + "/task/count", "{\"orQueries\": [{\"" + key + "\": " + one + "}]}"));
      probes.add(new Probe("POST", ENGINE + "/history/task/count", "{\"" + key + "\": " + one + "}"));
      probes.add(new Probe("POST", ENGINE + "/filter/" + allOpen + "/count", "{\"" + key + "\": " + one + "}"));
    }
    for (String query : List.of("/process-instance/count", "/process-instance?firstResult=0&maxResults=50",
        "/history/process-instance/count", "/history/process-instance?firstResult=0&maxResults=50")) {
      probes.add(new Probe("POST", ENGINE + query, "{\"variables\": " + one + "}"));
      probes.add(new Probe("POST", ENGINE + query, "{\"orQueries\": [{\"variables\": " + one + "}]}"));
    }
    probes.add(new Probe("POST", ENGINE + "/variable-instance/count", "{\"variableValues\": " + one + "}"));
    probes.add(new Probe("POST", ENGINE + "/variable-instance?firstResult=0&maxResults=50",
        "{\"variableValues\": " + one + "}"));
    probes.add(new Probe("POST", ENGINE + "/history/variable-instance/count",
        "{\"variableName\": \"" + name + "\", \"variableValue\": " + exact + "}"));
    probes.add(new Probe("POST", ENGINE + "/external-task/count", "{\"processVariables\": " + one + "}"));
    // batch operations collect their instances before they check the caller's rights
    probes.add(new Probe("POST", ENGINE + "/process-instance/suspended-async",
        "{\"suspended\": true, \"processInstanceQuery\": {\"variables\": " + one + "}}"));
    probes.add(new Probe("POST", ENGINE + "/process-instance/job-retries",
        "{\"retries\": 1, \"processInstanceQuery\": {\"variables\": " + one + "}}"));
    probes.add(new Probe("POST", ENGINE + "/history/process-instance/set-removal-time",
        "{\"clearedRemovalTime\": true, \"historicProcessInstanceQuery\": {\"variables\": " + one + "}}"));
    // message correlation looks executions up by their variables
    probes.add(new Probe("POST", ENGINE + "/message", "{\"messageName\": \"NoSuchMessage\", \"all\": true, "
        + "\"correlationKeys\": {\"" + name + "\": {\"value\": " + exact + ", \"type\": \"String\"}}}"));
    probes.add(new Probe("POST", ENGINE + "/message", "{\"messageName\": \"NoSuchMessage\", \"all\": true, "
        + "\"localCorrelationKeys\": {\"" + name + "\": {\"value\": " + exact + ", \"type\": \"String\"}}}"));

    for (String query : List.of("/process-instance/count", "/process-instance?firstResult=0&maxResults=50",
        "/process-instance/" + main + "/called-process-instances",
        "/process-definition/" + mainDefinition + "/called-process-definitions")) {
      probes.add(new Probe("POST", COCKPIT + query, "{\"variables\": " + one + "}"));
    }
    return probes;
  }

  private String variable(String name, String operator, String value) throws JsonProcessingException {
    return json.writeValueAsString(Map.of("name", name, "operator", operator, "value", value));
  }

  /** A guess at a variable's value, and a value of the same kind that nobody has. */
  private record Guess(String name, String operator, String value, String nobodysValue) {}

  private record Probe(String method, String path, String body) {

    HttpResponse<String> sendAs(WebappSession session) throws Exception {
      return "GET".equals(method) ? session.get(path) : session.postJson(path, body);
    }
  }
}
