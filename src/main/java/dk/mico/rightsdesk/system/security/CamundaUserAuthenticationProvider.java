package dk.mico.rightsdesk.system.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Officers and managers call the API as their Camunda users (HTTP Basic); their groups become roles. Every password
 * check goes through the login throttle first.
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginThrottle throttle;

  CamundaUserAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
    this.identityService = identityService;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String client = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : null;
    String userId = authentication.getName();
    LoginThrottle.Attempt attempt = throttle.begin(client, userId);
    if (attempt.refused()) {
      throw new LoginThrottledException(attempt.retryAfterSeconds());
    }
    String password = String.valueOf(authentication.getCredentials());
    if (!identityService.checkPassword(userId, password)) {
      throttle.failed(attempt);
      throw new BadCredentialsException("Wrong user or password");
    }
    throttle.succeeded(attempt);
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
    return new UsernamePasswordAuthenticationToken(userId, null, RoleMapping.authorities(groups));
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
