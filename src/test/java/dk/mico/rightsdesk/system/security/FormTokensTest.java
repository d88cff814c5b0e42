package dk.mico.rightsdesk.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;

/** Where a form's CSRF token is kept: a subject's page in a cookie of its own, an officer's page in the session. */
class FormTokensTest {

  @Test
  void aSubjectsPageKeepsItsTokenInAnHttpOnlyCookieAndNoSession() {
    FormTokens tokens = new FormTokens(false);
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/status/some-token");
    MockHttpServletResponse response = new MockHttpServletResponse();

    CsrfToken token = tokens.generateToken(page);
    tokens.saveToken(token, page, response);

    assertThat(response.getHeader("Set-Cookie")).startsWith("rightsdesk-form=" + token.getToken())
        .contains("Path=/", "HttpOnly").doesNotContain("Secure");
    assertThat(response.getCookie("rightsdesk-form").getAttribute("SameSite")).isEqualTo("Lax");
    assertThat(page.getSession(false)).isNull();

    MockHttpServletRequest form = new MockHttpServletRequest("POST", "/status/some-token/withdraw");
    form.setCookies(response.getCookie("rightsdesk-form"));
    assertThat(tokens.loadToken(form).getToken()).isEqualTo(token.getToken());
  }

  @Test
  void inProductionTheCookieIsSecureAndNoOtherHostOrPathMaySetIt() {
    FormTokens tokens = new FormTokens(true);
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/");
    MockHttpServletResponse response = new MockHttpServletResponse();

    tokens.saveToken(tokens.generateToken(page), page, response);

    assertThat(response.getHeader("Set-Cookie")).startsWith("__Host-rightsdesk-form=")
        .contains("Path=/", "Secure", "HttpOnly").doesNotContain("Domain");
    assertThat(response.getCookie("__Host-rightsdesk-form").getAttribute("SameSite")).isEqualTo("Lax");
  }

  @Test
  void anOfficersPageKeepsItsTokenInTheSession() {
    FormTokens tokens = new FormTokens(false);
    MockHttpServletRequest page = new MockHttpServletRequest("GET", "/officer/review/DSR-2026-00001");
    MockHttpServletResponse response = new MockHttpServletResponse();

    CsrfToken token = tokens.generateToken(page);
    tokens.saveToken(token, page, response);

    assertThat(response.getHeader("Set-Cookie")).isNull();
    assertThat(page.getSession(false)).isNotNull();
    assertThat(tokens.loadToken(page).getToken()).isEqualTo(token.getToken());
  }
}
