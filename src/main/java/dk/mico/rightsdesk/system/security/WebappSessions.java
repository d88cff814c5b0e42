package dk.mico.rightsdesk.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/** Who is logged into Tasklist, Cockpit or Admin: the webapps keep their login in the HTTP session. */
final class WebappSessions {

  private static final String ENGINE = "default";

  private WebappSessions() {}

  /** The user logged into the webapps in this request's session, or null. */
  static UserAuthentication user(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    Authentication user = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
    return user instanceof UserAuthentication camundaUser ? camundaUser : null;
  }
}
