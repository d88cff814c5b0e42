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

/**
 * Who may call what. The Camunda webapps (/camunda/**) keep their own authentication, CSRF protection and headers,
 * and are left to them; everything else is the application's: public pages and intake for subjects, the officer API
 * for the groups of design.md.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

  @Bean
  WebSecurityCustomizer leaveCamundaWebappsToCamunda() {
    return web -> web.ignoring().requestMatchers("/camunda/**");
  }

  @Bean
  SecurityFilterChain applicationSecurity(
      HttpSecurity http, CamundaUserAuthenticationProvider users, ObjectMapper json) throws Exception {
    http.authenticationProvider(users)
        .authorizeHttpRequests(auth -> auth
            .requestMatchers(HttpMethod.POST, "/api/requests").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/officer/requests/**", "/api/officer/requests",
                "/api/officer/deadline").hasAnyRole(ROLE_OFFICER, ROLE_MANAGER)
            .requestMatchers("/api/officer/**").hasRole(ROLE_OFFICER)
            .requestMatchers("/dev/mailbox/**", "/dev/mailbox").hasAnyRole(ROLE_OFFICER, ROLE_ADMIN)
            .requestMatchers("/officer/**").hasRole(ROLE_OFFICER)
            .requestMatchers("/", "/submitted", "/confirm/**", "/status/**", "/css/**", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
            .requestMatchers("/actuator/**").hasRole(ROLE_ADMIN)
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
        .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"));
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
