package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.system.SecretTokens;
import dk.mico.rightsdesk.system.SlidingWindowLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits public submissions per client address (every attempt) and per e-mail address (accepted submissions only):
 * every accepted submission sends mail to the address given, so without a limit the form could flood someone's
 * inbox, and refused ones must not lock the owner of the address out. Counts live in this node's memory.
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

  /**
   * Counts the attempt against the client; false when the client or the address has had its share. The address is
   * only checked here: a refused submission must not use up the quota of whoever it names.
   */
  public boolean admits(String clientAddress, String email) {
    if (!perClient.tryAcquire(clientAddress)) {
      return false;
    }
    return email == null || email.isBlank() || !perEmail.isExhausted(key(email));
  }

  /** Counts a submission that was accepted, or a mail sent on request, against its e-mail address. */
  public void countAccepted(String email) {
    if (email != null && !email.isBlank()) {
      perEmail.record(key(email));
    }
  }

  /** Forgets every count (tests). */
  public void reset() {
    perClient.reset();
    perEmail.reset();
  }

  private static String key(String email) {
    return SecretTokens.hash(email.strip().toLowerCase(Locale.ROOT));
  }
}
