package dk.mico.rightsdesk.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the Camunda webapps' login form through the login throttle, as the API's HTTP Basic is: a refused attempt gets
 * 429 (the login page shows it as a failed login) and never reaches Camunda's password check. The webapps' engine API
 * would also check a user's password for anyone logged in who may read that user (identity/verify: an administrator,
 * or a group given READ on users), past the throttle; the webapps never call it, so it is refused.
 */
class WebappLoginGuard extends OncePerRequestFilter {

  /** Path patterns as the servlet container resolved them (decoded, without path parameters). */
  private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  private static final Pattern VERIFY_PASSWORD = Pattern.compile("/camunda/api/engine/engine/[^/]+/identity/verify/?");
  /** A login form is a user name and a password; anything bigger is not one. */
  private static final int MAX_FORM_BYTES = 8 * 1024;

  private final LoginThrottle throttle;
  private final ObjectMapper json;

  WebappLoginGuard(LoginThrottle throttle, ObjectMapper json) {
    this.throttle = throttle;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    boolean post = "POST".equals(request.getMethod());
    if (post && VERIFY_PASSWORD.matcher(path).matches()) {
      SecurityProblems.write(response, json, HttpStatus.FORBIDDEN.value(), "Forbidden",
          "Passwords are checked by logging in, not on request.");
      return;
    }
    if (!post || !LOGIN.matcher(path).matches()) {
      chain.doFilter(request, response);
      return;
    }
    byte[] form = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (form.length > MAX_FORM_BYTES) {
      SecurityProblems.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE.value(), "Login form too large",
          "A login form holds a user name and a password.");
      return;
    }
    Charset charset = RereadableRequest.charsetOf(request);
    LoginThrottle.Attempt attempt = throttle.begin(request.getRemoteAddr(), userName(form, charset));
    if (attempt.refused()) {
      SecurityProblems.tooManyFailedLogins(response, json, attempt.retryAfterSeconds());
      return;
    }
    chain.doFilter(new RereadableRequest(request, form, charset), response);
    // Camunda's login answers 200 for the right password and 401 for a wrong one (or an unknown user). A 403 comes
    // from the CSRF filter before any check (a foreign page posting the form), or for the right password of a user
    // without access to this webapp: no wrong password was checked. Anything else, an error, stays counted.
    int status = response.getStatus();
    if (status == HttpStatus.OK.value()) {
      throttle.succeeded(attempt);
    } else if (status == HttpStatus.UNAUTHORIZED.value()) {
      throttle.failed(attempt);
    } else if (status == HttpStatus.FORBIDDEN.value()) {
      throttle.notChecked(attempt);
    }
  }

  /** The first "username" field of the form, decoded as Camunda's form reader (JAX-RS) decodes it. */
  private static String userName(byte[] form, Charset charset) {
    for (String field : new String(form, charset).split("&")) {
      int equals = field.indexOf('=');
      try {
        if (equals > 0 && URLDecoder.decode(field.substring(0, equals), charset).equals("username")) {
          return URLDecoder.decode(field.substring(equals + 1), charset);
        }
      } catch (IllegalArgumentException malformed) {
        return null; // Camunda cannot read such a form either: the attempt counts for the client only
      }
    }
    return null;
  }
}
