package dk.mico.rightsdesk.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Where the CSRF token of a page's forms is kept. The subjects' public pages keep it in a cookie of their own and
 * accept a form only when it carries the same token (double submit): a foreign page can neither read that cookie
 * (HttpOnly) nor set it (SameSite; in production its {@code __Host-} name lets no other host set it), so it cannot
 * forge a subject's form. A subject's page thus needs no session, and a page left open still works after the session
 * would have expired. The officers' pages keep the token in the session, whose login they need anyway.
 */
final class FormTokens implements CsrfTokenRepository {

  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  /** The subjects' pages, and where their refused forms are shown again ({@link ExpiredPageForms}). */
  private static final RequestMatcher SUBJECT_PAGES = new OrRequestMatcher(
      PATHS.matcher("/"), PATHS.matcher("/submitted/*"), PATHS.matcher("/confirm/**"), PATHS.matcher("/status/**"),
      PATHS.matcher("/identity-reply/**"), PATHS.matcher("/download/**"),
      PATHS.matcher(ExpiredPageForms.PATH + "/**"));

  private final CsrfTokenRepository subjectPages;
  private final CsrfTokenRepository officerPages = new HttpSessionCsrfTokenRepository();

  /** {@code secure}: the cookie goes over HTTPS only (production), as the session cookie does. */
  FormTokens(boolean secure) {
    CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository(); // HttpOnly: no script reads it
    cookie.setCookieName(secure ? "__Host-rightsdesk-form" : "rightsdesk-form");
    cookie.setCookiePath("/");
    cookie.setCookieCustomizer(c -> c.secure(secure).sameSite("Lax"));
    this.subjectPages = cookie;
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return of(request).generateToken(request);
  }

  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    of(request).saveToken(token, request, response);
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return of(request).loadToken(request);
  }

  private CsrfTokenRepository of(HttpServletRequest request) {
    return SUBJECT_PAGES.matches(request) ? subjectPages : officerPages;
  }
}
