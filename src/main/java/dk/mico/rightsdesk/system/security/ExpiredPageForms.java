package dk.mico.rightsdesk.system.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A subject's form sent without a valid CSRF token: from a page left open while the browser lost its cookies
 * (restarted, cleared; {@link FormTokens}), or a forged one. Instead of an error document, the request is forwarded to
 * {@link #PATH} followed by the form's own path, where the page's controller shows the page again in the subject's
 * language, with what was typed and a fresh token, and does nothing with what was sent. The refusal itself stands:
 * only a new submission with the new token acts.
 */
public final class ExpiredPageForms {

  /** The pages' controllers answer a refused form at this prefix followed by the form's own path. */
  public static final String PATH = "/expired-page";

  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  /** The forms of the public pages: the request form, confirmation, status, identity reply, download code. */
  private static final RequestMatcher SUBJECT_FORMS = new OrRequestMatcher(
      PATHS.matcher(HttpMethod.POST, "/"),
      PATHS.matcher(HttpMethod.POST, "/confirm/*"),
      PATHS.matcher(HttpMethod.POST, "/status/*/withdraw"),
      PATHS.matcher(HttpMethod.POST, "/status/*/resend"),
      PATHS.matcher(HttpMethod.POST, "/identity-reply/*"),
      PATHS.matcher(HttpMethod.POST, "/download/*"));

  /** The forward to a page shown again; never a request from outside, which has no business there. */
  static final RequestMatcher SHOWN_AGAIN = new AndRequestMatcher(
      new DispatcherTypeRequestMatcher(DispatcherType.FORWARD), PATHS.matcher(HttpMethod.POST, PATH + "/**"));

  private ExpiredPageForms() {}

  /** Shows a subject's refused form again; every other refusal goes to {@code others}. */
  static AccessDeniedHandler showAgainOr(AccessDeniedHandler others) {
    return (request, response, e) -> {
      if (e instanceof CsrfException && SUBJECT_FORMS.matches(request)) {
        showAgain(request, response);
      } else {
        others.handle(request, response, e);
      }
    };
  }

  private static void showAgain(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    request.getRequestDispatcher(PATH + path).forward(request, response);
  }
}
