package dk.mico.rightsdesk.system.security;

import static dk.mico.rightsdesk.system.security.Groups.ROLE_ADMIN;
import static dk.mico.rightsdesk.system.security.Groups.ROLE_MANAGER;
import static dk.mico.rightsdesk.system.security.Groups.ROLE_OFFICER;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The Camunda webapps (/camunda/**) keep their own authentication, CSRF protection and headers,
 * and are left to them; everything else is the application's: public pages and intake for subjects, the officer API
 * for the groups of design.md, and the security headers of {@link PageHeaders}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  /** Path patterns for the application's own servlet (the webapps bring servlets of their own). */
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  @Bean
  WebSecurityCustomizer leaveCamundaWebappsToCamunda() {
    return web -> web.ignoring().requestMatchers(paths(null, "/camunda/**"));
  }

  /** The webapps' login form goes through the login throttle, before any filter of the webapps. */
  @Bean
  FilterRegistrationBean<WebappLoginGuard> webappLoginGuard(LoginThrottle throttle, ObjectMapper json) {
    var registration = new FilterRegistrationBean<>(new WebappLoginGuard(throttle, json));
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  SecurityFilterChain applicationSecurity(
      HttpSecurity http, CamundaUserAuthenticationProvider users, ObjectMapper json,
      List<InlineStylesheet> documentStyles, CamundaBpmProperties camunda, ServerProperties server) throws Exception {
    boolean httpsOnlyCookies = Boolean.TRUE.equals(server.getServlet().getSession().getCookie().getSecure());
    // this provider alone: as the only provider bean it is in Spring's global manager as well, which as a fallback
    // would check a wrong password a second time
    http.authenticationManager(new ProviderManager(users))
        .headers(headers -> PageHeaders.configure(headers, documentStyles, camunda.getWebapp().getHeaderSecurity()))
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(paths(HttpMethod.POST, "/api/requests")).permitAll()
            // a case file holds personal data: officers only, before the managers' read rule below
            .requestMatchers(paths(HttpMethod.GET, "/api/officer/requests/*/case-file")).hasRole(ROLE_OFFICER)
            .requestMatchers(paths(HttpMethod.GET, "/api/officer/requests", "/api/officer/requests/**",
                "/api/officer/deadline", "/api/officer/dashboard", "/api/officer/inbox/counts",
                "/api/officer/records-of-processing", "/api/officer/records-of-processing.csv",
                "/officer/records-of-processing", "/api/officer/statistics", "/api/officer/statistics.csv"))
                .hasAnyRole(ROLE_OFFICER, ROLE_MANAGER)
            .requestMatchers(paths(null, "/api/officer/**")).hasRole(ROLE_OFFICER)
            .requestMatchers(paths(HttpMethod.GET, "/procedure", "/procedure.pdf")).hasAnyRole(ROLE_OFFICER, ROLE_MANAGER, ROLE_ADMIN)
            .requestMatchers(paths(null, "/dev/mailbox", "/dev/mailbox/**")).hasAnyRole(ROLE_OFFICER, ROLE_ADMIN)
            .requestMatchers(paths(null, OfficerPages.LOGIN)).permitAll()
            .requestMatchers(paths(null, "/officer/**")).hasRole(ROLE_OFFICER)
            .requestMatchers(paths(null, "/", "/submitted/*", "/confirm/**", "/status/**", "/identity-reply/**",
                "/download/**", "/css/**", "/webjars/**", "/favicon.ico", "/error", "/v3/api-docs/**",
                "/swagger-ui/**", "/swagger-ui.html", "/actuator/health", "/actuator/health/**")).permitAll()
            .requestMatchers(ExpiredPageForms.SHOWN_AGAIN).permitAll()
            .requestMatchers(paths(null, "/actuator/**")).hasRole(ROLE_ADMIN)
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.realmName("Rights Desk").authenticationEntryPoint(basicLogin(json)))
        // the officers' pages log in with a form, and go back to the page; the API answers a problem document
        .formLogin(form -> form.loginPage(OfficerPages.LOGIN)
            .defaultSuccessUrl("/camunda/app/tasklist/default/"))
        .exceptionHandling(ex -> ex
            .authenticationEntryPoint(loginByPath(json))
            .accessDeniedHandler(ExpiredPageForms.showAgainOr(OfficerPages.pageAgainOr((request, response, e) ->
                SecurityProblems.write(response, json, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                    "Your group may not do this.")))))
        .addFilterAfter(new CamundaWebappSessionFilter(), BasicAuthenticationFilter.class)
        // The JSON API takes no cookies for changes and only JSON bodies, which a foreign page cannot send.
        .csrf(csrf -> csrf.csrfTokenRepository(new FormTokens(httpsOnlyCookies))
            .ignoringRequestMatchers(paths(null, "/api/**")));
    return http.build();
  }

  /** The officers' pages go to their login page; everything else answers as the API does. */
  private static AuthenticationEntryPoint loginByPath(ObjectMapper json) {
    var byPath = new DelegatingAuthenticationEntryPoint(
        new LinkedHashMap<>(Map.of(OfficerPages.PAGES, OfficerPages.login())));
    byPath.setDefaultEntryPoint(basicLogin(json));
    return byPath;
  }

  /** The API's answer to a missing or refused login: HTTP Basic, with a problem document. */
  private static AuthenticationEntryPoint basicLogin(ObjectMapper json) {
    return (request, response, e) -> {
      if (e instanceof LoginThrottledException throttled) {
        SecurityProblems.tooManyFailedLogins(response, json, throttled.retryAfterSeconds());
        return;
      }
      response.setHeader("WWW-Authenticate", "Basic realm=\"Rights Desk\"");
      SecurityProblems.write(response, json, HttpServletResponse.SC_UNAUTHORIZED, "Authentication required",
          "Log in as a Camunda user of Rights Desk.");
    };
  }

  /** Matchers for the app's own servlet; a null method matches every method. */
  private static RequestMatcher[] paths(HttpMethod method, String... patterns) {
    return Arrays.stream(patterns).map(pattern -> PATHS.matcher(method, pattern)).toArray(RequestMatcher[]::new);
  }
}
