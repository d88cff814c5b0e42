package dk.mico.rightsdesk.system.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what in a request to the webapps' APIs (engine, Cockpit, Tasklist, Admin) would make the answer depend on
 * the value of a process or task variable: a variable filter in a count, list or batch query (also inside
 * orQueries and nested queries), a message correlated by variables, sorting by a variable, variables returned with a
 * completed task. The names are those of Camunda 7.24's REST API, as query parameters and as JSON fields at any depth.
 * An empty filter ({@code "variables": []}, as Tasklist and Cockpit send) filters nothing.
 */
final class VariableFilters {

  private static final Set<String> FILTERS = caseInsensitive("variables", "processVariables", "taskVariables",
      "caseInstanceVariables", "variableValues", "variableValue", "variableName", "variableNameLike",
      "variableNameIn", "correlationKeys", "localCorrelationKeys", "withVariablesInReturn");
  /** On a task's complete, resolve or submit-form, {@code variables} are values to store, not a filter. */
  private static final String STORED_ON_TASK = "variables";
  private static final String SORT_BY = "sortBy";
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final JsonFactory JSON = new JsonFactory();

  private VariableFilters() {}

  /**
   * The name of the first parameter or field that makes the request depend on variables, or "a body that is not
   * JSON" when the body cannot be read for them; empty when nothing does.
   *
   * @param storesTaskVariables whether the request stores {@code variables} on a task it works
   */
  static Optional<String> find(String query, String contentType, byte[] body, boolean storesTaskVariables) {
    Optional<String> inQuery = inQuery(query, storesTaskVariables);
    if (inQuery.isPresent() || body.length == 0) {
      return inQuery;
    }
    if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(FORM)) {
      return inQuery(new String(body, StandardCharsets.ISO_8859_1), storesTaskVariables);
    }
    return inJson(body, storesTaskVariables);
  }

  private static Optional<String> inQuery(String query, boolean storesTaskVariables) {
    if (query == null) {
      return Optional.empty();
    }
    // Jersey splits on '&'; ';' as well is the stricter reading
    for (String pair : query.split("[&;]")) {
      int equals = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        if ((filters(name, storesTaskVariables) && !value.isBlank())
            || (SORT_BY.equalsIgnoreCase(name) && sortsByVariable(value))) {
          return Optional.of(name);
        }
      } catch (IllegalArgumentException e) {
        return Optional.of("a query that cannot be decoded");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> inJson(byte[] body, boolean storesTaskVariables) {
    try (JsonParser parser = JSON.createParser(body)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token != JsonToken.FIELD_NAME) {
          continue;
        }
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ((filters(name, storesTaskVariables) && !isEmpty(parser, value))
            || (SORT_BY.equalsIgnoreCase(name) && value == JsonToken.VALUE_STRING && sortsByVariable(parser.getText()))) {
          return Optional.of(name);
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("a body that is not JSON");
    }
  }

  private static boolean filters(String name, boolean storesTaskVariables) {
    return FILTERS.contains(name) && !(storesTaskVariables && STORED_ON_TASK.equals(name));
  }

  /** Null, false, blank, [] and {} ask for nothing; the parser moves past an empty array or object. */
  private static boolean isEmpty(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_NULL, VALUE_FALSE -> true;
      case VALUE_STRING -> parser.getText().isBlank();
      case START_ARRAY -> parser.nextToken() == JsonToken.END_ARRAY;
      case START_OBJECT -> parser.nextToken() == JsonToken.END_OBJECT;
      default -> false;
    };
  }

  /** processVariable, executionVariable, taskVariable, caseInstanceVariable, caseExecutionVariable. */
  private static boolean sortsByVariable(String sortBy) {
    return sortBy.toLowerCase(Locale.ROOT).endsWith("variable");
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(Set.of(names));
    return set;
  }
}
