package dk.mico.rightsdesk.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The problem documents (RFC 9457) that the security filters answer with, before any controller is reached. */
final class SecurityProblems {

  private SecurityProblems() {}

  static void write(HttpServletResponse response, ObjectMapper json, int status, String title, String detail)
      throws IOException {
    send(response, json, status, Map.of("type", "about:blank", "title", title, "status", status, "detail", detail));
  }

  /**
   * A login refused by the throttle, with the wait in Retry-After. The detail goes out as "message" too: the webapps'
   * login page shows that member under "Login Failed".
   */
  static void tooManyFailedLogins(HttpServletResponse response, ObjectMapper json, long retryAfterSeconds)
      throws IOException {
    int status = HttpStatus.TOO_MANY_REQUESTS.value();
    String detail = "Too many failed logins from this address or for this user. Try again in " + retryAfterSeconds
        + " seconds.";
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
    send(response, json, status, Map.of("type", "about:blank", "title", "Too many failed logins", "status", status,
        "detail", detail, "message", detail));
  }

  private static void send(HttpServletResponse response, ObjectMapper json, int status, Map<String, Object> problem)
      throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
