package dk.mico.rightsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An officer's page (/officer/**) opened or sent after the session ended sends the browser to the login page and,
 * once logged in, back to the page; the API keeps answering a problem document.
 */
@RightsDeskSpringTest
class OfficerPagesLoginTests {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void anOfficerPageOpenedWithoutALoginGoesToTheLoginPageAndBackToThePageAfterIt() throws Exception {
    MockHttpSession browser = new MockHttpSession();
    mvc.perform(get("/officer/letters/preview").session(browser))
        .andExpect(redirectedUrl("http://localhost/officer/login"));

    String loginPage = mvc.perform(get("/officer/login").session(browser))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(loginPage).contains("Log in to Rights Desk", "back to the page you were on");
    String back = mvc.perform(post("/officer/login").session(browser).param("_csrf", csrfToken(loginPage))
            .param("username", "officer").param("password", "officer"))
        .andExpect(status().is3xxRedirection())
        .andReturn().getResponse().getRedirectedUrl();
    assertThat(back).startsWith("http://localhost/officer/letters/preview");

    mvc.perform(get(back).session(browser))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Preview a letter")));
  }

  @Test
  void aWrongPasswordStaysOnTheLoginPage() throws Exception {
    MockHttpSession browser = new MockHttpSession();
    String loginPage = mvc.perform(get("/officer/login").session(browser)).andReturn().getResponse()
        .getContentAsString();
    mvc.perform(post("/officer/login").session(browser).param("_csrf", csrfToken(loginPage))
            .param("username", "officer").param("password", "wrong"))
        .andExpect(redirectedUrl("/officer/login?error"));
    assertThat(mvc.perform(get("/officer/login").param("error", "").session(browser)).andReturn().getResponse()
        .getContentAsString()).contains("Wrong user or password");
    mvc.perform(get("/officer/letters/preview").session(browser))
        .andExpect(redirectedUrl("http://localhost/officer/login"));
  }

  @Test
  void aFormOfAnOfficerPageSentAfterTheSessionEndedGoesToItsPageWhichAsksForTheLogin() throws Exception {
    // a new session: the one that held the page's CSRF token has expired
    mvc.perform(post("/officer/review/DSR-2026-00001/identifiers").session(new MockHttpSession())
            .param("identifierKind", "PHONE").param("identifierValue", "+45 20 30 40 50"))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "/officer/review/DSR-2026-00001/identifiers"));
    mvc.perform(get("/officer/review/DSR-2026-00001/identifiers"))
        .andExpect(redirectedUrl("http://localhost/officer/login"));
  }

  @Test
  void aFormWithoutItsTokenInALoggedInSessionIsStillRefusedAsAForgery() throws Exception {
    MockHttpSession browser = new MockHttpSession();
    String loginPage = mvc.perform(get("/officer/login").session(browser)).andReturn().getResponse()
        .getContentAsString();
    mvc.perform(post("/officer/login").session(browser).param("_csrf", csrfToken(loginPage))
        .param("username", "officer").param("password", "officer"));

    mvc.perform(post("/officer/letters/preview").session(browser).param("reference", "DSR-2026-00001"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
  }

  @Test
  void theApiWithoutALoginStillAnswersAProblemDocument() throws Exception {
    mvc.perform(get("/api/officer/requests").accept(MediaType.TEXT_HTML))
        .andExpect(status().isUnauthorized())
        .andExpect(header().exists("WWW-Authenticate"))
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
  }

  private static String csrfToken(String page) {
    Matcher field = CSRF_FIELD.matcher(page);
    assertThat(field.find()).as("the page's CSRF token").isTrue();
    return field.group(1);
  }
}
