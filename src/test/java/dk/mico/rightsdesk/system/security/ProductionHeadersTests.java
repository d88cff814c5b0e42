package dk.mico.rightsdesk.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.camunda.bpm.webapp.impl.security.filter.headersec.HttpHeaderSecurityFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.AbstractEnvironment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Production runs behind HTTPS: its settings (application.yaml with application-prod.yaml) make the webapps and the
 * app's own pages send HSTS, and every cookie Secure. The settings are read as Spring Boot reads them and handed to
 * the filters that use them, without starting the application.
 */
class ProductionHeadersTests {

  @Test
  void productionSendsHstsFromTheWebappsAndFromTheAppsOwnPagesAndOtherProfilesDoNot() throws Exception {
    WebappProperty prod = webappSettings("prod");
    // behind a TLS proxy the app sees plain HTTP; browsers take HSTS from HTTPS responses only
    MockHttpServletResponse tasklist = new MockHttpServletResponse();
    HttpHeaderSecurityFilter webappHeaders = new HttpHeaderSecurityFilter();
    webappHeaders.init(filterConfig(prod.getHeaderSecurity().getInitParams()));
    webappHeaders.doFilter(new MockHttpServletRequest("GET", "/camunda/app/tasklist/"), tasklist, new MockFilterChain());
    MockHttpServletResponse page = new MockHttpServletResponse();
    PageHeaders.strictTransportSecurity(prod.getHeaderSecurity()).orElseThrow()
        .writeHeaders(new MockHttpServletRequest("GET", "/status/token"), page);

    assertThat(tasklist.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    assertThat(page.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    assertThat(PageHeaders.strictTransportSecurity(webappSettings("demo").getHeaderSecurity())).isEmpty();
  }

  @Test
  void productionCookiesGoOverHttpsOnly() throws Exception {
    CsrfPreventionFilter csrf = new CsrfPreventionFilter();
    csrf.init(filterConfig(webappSettings("prod").getCsrf().getInitParams()));
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/app/tasklist/");
    request.setContextPath("");
    MockHttpServletResponse response = new MockHttpServletResponse();
    csrf.doFilter(request, response, new MockFilterChain());

    assertThat(response.getHeader("Set-Cookie")).startsWith("XSRF-TOKEN=").containsPattern(";\\s*Secure\\b");
    assertThat(Binder.get(environment("prod")).bind("server.servlet.session.cookie.secure", Boolean.class).get())
        .as("the session cookie, shared by the app's pages and the webapps").isTrue();
  }

  private static WebappProperty webappSettings(String profile) {
    return Binder.get(environment(profile)).bind("camunda.bpm.webapp", WebappProperty.class).get();
  }

  /** The settings of a profile from the application's own files only, not from this machine's environment. */
  private static ConfigurableEnvironment environment(String profile) {
    ConfigurableEnvironment environment = new AbstractEnvironment() {};
    ConfigDataEnvironmentPostProcessor.applyTo(environment, null, null, profile);
    return environment;
  }

  private static MockFilterConfig filterConfig(Map<String, String> settings) {
    MockFilterConfig config = new MockFilterConfig();
    settings.forEach(config::addInitParameter);
    return config;
  }
}
