package dk.mico.rightsdesk.system.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Guards in front of the Camunda webapps' own APIs, which Spring Security leaves to Camunda (SecurityConfig). */
@Configuration(proxyBeanMethods = false)
class WebappGuardConfig {

  /**
   * Registered like every Spring filter before the webapps' own filters, which Camunda adds after the others: the
   * guard therefore runs outside the engine authentication those set up.
   */
  @Bean
  FilterRegistrationBean<WebappVariableGuard> webappVariableGuard(VariableReaders readers, ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<WebappVariableGuard> registration =
        new FilterRegistrationBean<>(new WebappVariableGuard(readers, json, webappPath));
    registration.addUrlPatterns(webappPath + "/api/*");
    return registration;
  }
}
