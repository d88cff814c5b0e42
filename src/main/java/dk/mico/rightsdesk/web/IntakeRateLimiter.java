package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.system.SecretTokens;
import dk.mico.rightsdesk.system.SlidingWindowLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits public submissions per client address and per e-mail address: every submission sends mail to the address
 * given, so without a limit the form could flood someone's inbox. Counts live in this node's memory.
 */
@Component
public class IntakeRateLimiter {

  private final SlidingWindowLimit perClient;
  private final SlidingWindowLimit perEmail;

  IntakeRateLimiter(
      @Value("${rightsdesk.intake.max-per-client-per-hour:20}") int maxPerClient,
      @Value("${rightsdesk.intake.max-per-email-per-day:5}") int maxPerEmail,
      Clock clock) {
    this.perClient = new SlidingWindowLimit(maxPerClient, Duration.ofHours(1), clock);
    this.perEmail = new SlidingWindowLimit(maxPerEmail, Duration.ofDays(1), clock);
  }

  /** Counts one submission; false when the client or the address has had its share. */
  public boolean tryAcquire(String clientAddress, String email) {
    if (!perClient.tryAcquire(clientAddress)) {
      return false;
    }
    return email == null || email.isBlank()
        || perEmail.tryAcquire(SecretTokens.hash(email.strip().toLowerCase(Locale.ROOT)));
  }

  /** Forgets every count (tests). */
  public void reset() {
    perClient.reset();
    perEmail.reset();
  }
}
