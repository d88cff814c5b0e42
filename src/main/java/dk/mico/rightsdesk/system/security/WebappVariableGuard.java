package dk.mico.rightsdesk.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of the webapps' APIs ({@code /camunda/api/*}): a user who may not read every process variable (managers,
 * owner groups) may not ask a query that filters or sorts on variables either. The engine refuses such users a
 * variable's value, but its count and list queries would still answer "is there an instance whose subjectEmail is
 * ...?", and one guess at a time that spells out the value. Such a request is refused with 403 and changes nothing;
 * queries without variable filters (everything Cockpit and Tasklist send by themselves) pass, and so does the work on
 * a task, which the engine authorizes per task. Officers and administrators are not restricted.
 */
class WebappVariableGuard extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(WebappVariableGuard.class);

  private final VariableReaders readers;
  private final ObjectMapper json;
  /** Completing a task stores its form's variables on that task, which the engine checks the user may work. */
  private final Pattern taskWork;

  WebappVariableGuard(VariableReaders readers, ObjectMapper json, String webappPath) {
    this.readers = readers;
    this.json = json;
    this.taskWork = Pattern.compile(Pattern.quote(webappPath)
        + "/api/engine/engine/[A-Za-z0-9_-]+/task/[A-Za-z0-9-]+/(complete|resolve|submit-form)");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    // the raw path, which holds no '..', ';' or escapes when it matches, so Jersey routes it the same way
    boolean storesTaskVariables = taskWork.matcher(request.getRequestURI().substring(request.getContextPath().length()))
        .matches();
    Optional<String> variableUse = VariableFilters.find(request.getQueryString(), request.getContentType(), body,
        storesTaskVariables);
    if (variableUse.isPresent()) {
      UserAuthentication user = WebappSessions.user(request);
      if (user == null || !readers.mayReadEveryVariable(user.getIdentityId())) {
        // the user and the parameter's name only: the query string may hold the very data it is after
        log.warn("Refused {} {} by {}: {} needs the right to read variables", request.getMethod(),
            request.getRequestURI(), user == null ? "an anonymous caller" : user.getIdentityId(), variableUse.get());
        SecurityProblems.write(response, json, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
            "Your groups may not read process variables, so they may not filter, sort or correlate by them either ("
                + variableUse.get() + ").");
        return;
      }
    }
    chain.doFilter(new RereadableRequest(request, body, RereadableRequest.charsetOf(request)), response);
  }
}
