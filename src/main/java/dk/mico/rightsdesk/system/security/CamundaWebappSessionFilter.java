package dk.mico.rightsdesk.system.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Someone logged into Tasklist or Cockpit may open the app's pages (the mailbox, printable letters, the managers'
 * dashboard data) without logging in again, and submit the forms of those pages (the officer's review page), which
 * carry Spring Security's CSRF token. The JSON API takes no CSRF token, so a change through it still needs its own
 * credentials: a page elsewhere cannot ride on the webapp session.
 */
class CamundaWebappSessionFilter extends OncePerRequestFilter {

  private static final String ENGINE = "default";

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
        || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    HttpSession session = request.getSession(false);
    if (safe && session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication user = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(ENGINE);
      if (user instanceof UserAuthentication camundaUser && camundaUser.getGroupIds() != null) {
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
