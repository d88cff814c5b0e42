package dk.mico.rightsdesk.system.security;

import dk.mico.rightsdesk.system.SlidingWindowLimit;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed password checks per client address and stops that address before it reaches Camunda's identity
 * service: Camunda locks a user out after failures, so unlimited guessing from one place would lock the officer out.
 */
@Component
class LoginAttemptLimiter {

  private final SlidingWindowLimit failures;

  LoginAttemptLimiter(
      @Value("${rightsdesk.security.max-failed-logins:10}") int maxFailures,
      @Value("${rightsdesk.security.failed-login-window:PT15M}") Duration window,
      Clock clock) {
    this.failures = new SlidingWindowLimit(maxFailures, window, clock);
  }

  boolean isBlocked(String clientAddress) {
    return failures.isExhausted(clientAddress);
  }

  void recordFailure(String clientAddress) {
    failures.record(clientAddress);
  }
}
