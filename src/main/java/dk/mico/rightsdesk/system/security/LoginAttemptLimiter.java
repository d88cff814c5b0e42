package dk.mico.rightsdesk.system.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed password checks per client address and stops that address before it reaches Camunda's identity
 * service: Camunda locks a user out after failures, so unlimited guessing from one place would lock the officer out.
 */
@Component
class LoginAttemptLimiter {

  private final int maxFailures;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  LoginAttemptLimiter(
      @Value("${rightsdesk.security.max-failed-logins:10}") int maxFailures,
      @Value("${rightsdesk.security.failed-login-window:PT15M}") Duration window,
      Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.clock = clock;
  }

  boolean isBlocked(String clientAddress) {
    Deque<Instant> recent = failures.get(clientAddress);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      prune(recent);
      return recent.size() >= maxFailures;
    }
  }

  void recordFailure(String clientAddress) {
    Deque<Instant> recent = failures.computeIfAbsent(clientAddress, a -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent);
      recent.addLast(clock.instant());
    }
  }

  private void prune(Deque<Instant> recent) {
    Instant cutoff = clock.instant().minus(window);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
      recent.removeFirst();
    }
  }
}
