package dk.mico.rightsdesk.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What in a webapp API request counts as asking by variables, and what Tasklist and Cockpit send by themselves. */
class VariableFiltersTests {

  private static final String JSON = "application/json";

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"processVariables\": [], \"taskVariables\": [], \"caseInstanceVariables\": [], \"sorting\": [{\"sortBy\": \"dueDate\", \"sortOrder\": \"asc\"}]}",
      "{\"variables\": [], \"activityIdIn\": [], \"sortBy\": \"startTime\", \"sortOrder\": \"desc\"}",
      "{\"processInstanceIdIn\": [\"1\"], \"sorting\": [{\"sortBy\": \"variableName\", \"sortOrder\": \"asc\"}]}",
      "{\"variables\": null, \"variableValues\": {}, \"variableName\": \" \", \"withVariablesInReturn\": false}",
      "{\"businessKey\": \"DSR-2026-00001\", \"orQueries\": [{\"variables\": []}]}",
      "",
      "  "})
  void whatTheWebappsSendByThemselvesFiltersOnNothing(String body) {
    assertThat(VariableFilters.find("firstResult=0&maxResults=15", JSON, bytes(body), false)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"variables\": [{\"name\": \"subjectEmail\", \"operator\": \"eq\", \"value\": \"x\"}]}",
      "{\"orQueries\": [{\"taskVariables\": [{\"name\": \"subjectName\", \"operator\": \"like\", \"value\": \"M%\"}]}]}",
      "{\"processInstanceQuery\": {\"variables\": [{}]}, \"suspended\": true}",
      "{\"messageName\": \"M\", \"correlationKeys\": {\"subjectEmail\": {\"value\": \"x\"}}}",
      "{\"sorting\": [{\"sortBy\": \"processVariable\", \"parameters\": {\"variable\": \"subjectEmail\"}}]}",
      "{\"sorting\": [{\"sortBy\": \"TASKVARIABLE\"}]}",
      "{\"VariableValues\": [1]}",
      "{\"variables\": [], \"variables\": [{\"name\": \"subjectEmail\"}]}",
      "{\"vari\\u0061bles\": [{}]}",
      "{\"variableName\": \"subjectEmail\", \"variableValue\": \"x\"}",
      "{\"withVariablesInReturn\": true}",
      "{\"variables\": [ broken",
      "--boundary\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\nx\r\n--boundary--"})
  void aFilterOrSortingByVariablesAnywhereInTheBodyIsFound(String body) {
    assertThat(VariableFilters.find(null, JSON, bytes(body), false)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"variables=subjectEmail_eq_x", "processVariables=a_eq_b&firstResult=0",
      "maxResults=5&taskVariables=a_like_b%25", "%76ariables=a_eq_b", "variableValues=a_eq_b",
      "variableName=subjectEmail&variableValue=x", "sortBy=processVariable", "a=1;variables=a_eq_b", "x=%zz"})
  void aFilterInTheQueryStringIsFound(String query) {
    assertThat(VariableFilters.find(query, null, new byte[0], false)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {"variables=", "maxResults=50&sortBy=startTime&sortOrder=desc", "deserializeValues=false",
      "variableNames=subjectEmail,subjectName"})
  void aQueryStringWithoutVariableFiltersPasses(String query) {
    assertThat(VariableFilters.find(query, null, new byte[0], false)).isEmpty();
  }

  @Test
  void aFormBodyIsReadAsAForm() {
    assertThat(VariableFilters.find(null, "application/x-www-form-urlencoded; charset=UTF-8",
        bytes("username=variables&password=x"), false)).as("the webapps' login").isEmpty();
    assertThat(VariableFilters.find(null, "application/x-www-form-urlencoded", bytes("variables=a_eq_b"), false))
        .isPresent();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void theVariablesOfATasksFormAreStoredNotAFilterButNothingIsReturned(boolean storesTaskVariables) {
    String form = "{\"variables\": {\"foundInSystem\": {\"value\": \"NOTHING\", \"type\": \"String\"}}}";
    assertThat(VariableFilters.find(null, JSON, bytes(form), storesTaskVariables).isPresent())
        .isEqualTo(!storesTaskVariables);
    assertThat(VariableFilters.find(null, JSON, bytes("{\"variables\": {}, \"withVariablesInReturn\": true}"),
        storesTaskVariables)).contains("withVariablesInReturn");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
