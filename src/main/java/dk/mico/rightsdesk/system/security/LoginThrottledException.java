package dk.mico.rightsdesk.system.security;

import org.springframework.security.core.AuthenticationException;

/** An HTTP Basic login the throttle refused before any password check; answered 429 with Retry-After. */
class LoginThrottledException extends AuthenticationException {

  private final long retryAfterSeconds;

  LoginThrottledException(long retryAfterSeconds) {
    super("Too many failed logins; try again in " + retryAfterSeconds + " seconds");
    this.retryAfterSeconds = retryAfterSeconds;
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
