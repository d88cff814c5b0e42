package dk.mico.rightsdesk.system.security;

import static dk.mico.rightsdesk.system.security.Groups.ROLE_ADMIN;
import static dk.mico.rightsdesk.system.security.Groups.ROLE_MANAGER;
import static dk.mico.rightsdesk.system.security.Groups.ROLE_OFFICER;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. The Camunda webapps (/camunda/**) keep their own authentication, CSRF protection and headers,
 * and are left to them; everything else is the application's: public pages and intake for subjects, the officer API
 * for the groups of design.md.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  /** Path patterns for the application's own servlet (the webapps bring servlets of their own). */
  private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

  @Bean
  WebSecurityCustomizer leaveCamundaWebappsToCamunda() {
    return web -> web.ignoring().requestMatchers(PATHS.matcher("/camunda/**"));
  }

  @Bean
  SecurityFilterChain applicationSecurity(
      HttpSecurity http, CamundaUserAuthenticationProvider users, ObjectMapper json) throws Exception {
    http.authenticationProvider(users)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(PATHS.matcher(HttpMethod.POST, "/api/requests")).permitAll()
            .requestMatchers(PATHS.matcher(HttpMethod.GET, "/api/officer/requests/**"),
                PATHS.matcher(HttpMethod.GET, "/api/officer/requests"),
                PATHS.matcher(HttpMethod.GET, "/api/officer/deadline")).hasAnyRole(ROLE_OFFICER, ROLE_MANAGER)
            .requestMatchers(PATHS.matcher("/api/officer/**")).hasRole(ROLE_OFFICER)
            .requestMatchers(PATHS.matcher("/dev/mailbox/**"), PATHS.matcher("/dev/mailbox")).hasAnyRole(ROLE_OFFICER, ROLE_ADMIN)
            .requestMatchers(PATHS.matcher("/officer/**")).hasRole(ROLE_OFFICER)
            .requestMatchers(PATHS.matcher("/"), PATHS.matcher("/submitted"), PATHS.matcher("/confirm/**"), PATHS.matcher("/status/**"), PATHS.matcher("/css/**"), PATHS.matcher("/favicon.ico"), PATHS.matcher("/error")).permitAll()
            .requestMatchers(PATHS.matcher("/v3/api-docs/**"), PATHS.matcher("/swagger-ui/**"), PATHS.matcher("/swagger-ui.html")).permitAll()
            .requestMatchers(PATHS.matcher("/actuator/health"), PATHS.matcher("/actuator/health/**")).permitAll()
            .requestMatchers(PATHS.matcher("/actuator/**")).hasRole(ROLE_ADMIN)
            .anyRequest().denyAll())
        .httpBasic(basic -> basic.realmName("Rights Desk")
            .authenticationEntryPoint((request, response, e) -> {
              response.setHeader("WWW-Authenticate", "Basic realm=\"Rights Desk\"");
              problem(response, json, HttpServletResponse.SC_UNAUTHORIZED, "Authentication required",
                  "Log in as a Camunda user of Rights Desk.");
            }))
        .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) ->
            problem(response, json, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
                "Your group may not do this.")))
        .addFilterAfter(new CamundaWebappSessionFilter(), BasicAuthenticationFilter.class)
        // The JSON API takes no cookies for changes and only JSON bodies, which a foreign page cannot send.
        .csrf(csrf -> csrf.ignoringRequestMatchers(PATHS.matcher("/api/**")));
    return http.build();
  }

  private static void problem(HttpServletResponse response, ObjectMapper json, int status, String title,
      String detail) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(),
        Map.of("type", "about:blank", "title", title, "status", status, "detail", detail));
  }
}
