package dk.mico.rightsdesk.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The officers' own HTML pages (/officer/**) opened or sent without a login, typically after the session expired:
 * the browser goes to {@link #LOGIN} and, once logged in, back to the page, where the API would answer a problem
 * document. A form sent without a session carries no valid CSRF token; it is not acted on, and the browser is sent to
 * the form's page (a GET), which asks for the login.
 */
final class OfficerPages {

  static final String LOGIN = "/officer/login";

  static final RequestMatcher PAGES = PathPatternRequestMatcher.withDefaults().matcher("/officer/**");

  private OfficerPages() {}

  /** Where an officer page without a login sends the browser; Spring Security keeps the page to go back to. */
  static AuthenticationEntryPoint login() {
    return new LoginUrlAuthenticationEntryPoint(LOGIN);
  }

  /** A form of an officer page sent without a login goes to its page, which asks for one; others to {@code others}. */
  static AccessDeniedHandler pageAgainOr(AccessDeniedHandler others) {
    return (request, response, e) -> {
      if (e instanceof CsrfException && PAGES.matches(request) && !loggedIn(request)) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getRequestURI());
      } else {
        others.handle(request, response, e);
      }
    };
  }

  /**
   * Whether the request comes with a login (credentials, or a session holding this app's or the webapps' login): with
   * one, a form without a valid token is refused as a forgery. The CSRF filter runs before any login is read, so it is
   * looked up here.
   */
  private static boolean loggedIn(HttpServletRequest request) {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return true;
    }
    HttpSession session = request.getSession(false);
    return session != null && (WebappSessions.user(request) != null
        || session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null);
  }
}
