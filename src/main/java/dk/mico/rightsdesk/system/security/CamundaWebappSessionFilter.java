package dk.mico.rightsdesk.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone logged into Tasklist or Cockpit may open the app's pages (the mailbox, printable letters, the managers'
 * dashboard data) without logging in again. Only for reading requests and the form posts of the officer's pages
 * (/officer/**, guarded by CSRF tokens): any other state change still needs its own credentials, so a page elsewhere
 * cannot ride on the webapp session (CSRF).
 */
class CamundaWebappSessionFilter extends OncePerRequestFilter {

  private static final String OFFICER_PAGES = "/officer/";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    // the officer's review pages post forms that carry Spring Security's CSRF token, which a foreign page cannot read
    boolean officerForm = "POST".equals(request.getMethod()) && request.getRequestURI().startsWith(OFFICER_PAGES);
    boolean safe = reading || officerForm;
    if (safe && SecurityContextHolder.getContext().getAuthentication() == null) {
      UserAuthentication camundaUser = WebappSessions.user(request);
      if (camundaUser != null && camundaUser.getGroupIds() != null) {
        var token = new UsernamePasswordAuthenticationToken(
            camundaUser.getIdentityId(), null, RoleMapping.authorities(camundaUser.getGroupIds()));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(token);
        SecurityContextHolder.setContext(context);
      }
    }
    chain.doFilter(request, response);
  }
}
