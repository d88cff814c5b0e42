package dk.mico.rightsdesk.system.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Officers and managers call the API as their Camunda users (HTTP Basic); their groups become roles. */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;
  private final LoginAttemptLimiter limiter;

  CamundaUserAuthenticationProvider(IdentityService identityService, LoginAttemptLimiter limiter) {
    this.identityService = identityService;
    this.limiter = limiter;
  }

  @Override
  public Authentication authenticate(Authentication authentication) throws AuthenticationException {
    String client = authentication.getDetails() instanceof WebAuthenticationDetails details
        ? details.getRemoteAddress()
        : "unknown";
    if (limiter.isBlocked(client)) {
      throw new LockedException("Too many failed logins from this address; try again later");
    }
    String userId = authentication.getName();
    String password = String.valueOf(authentication.getCredentials());
    if (!identityService.checkPassword(userId, password)) {
      limiter.recordFailure(client);
      throw new BadCredentialsException("Wrong user or password");
    }
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
