package dk.mico.rightsdesk.notification;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the outbox delivers mail (issue 16): retries come quickly and stay frequent, so that every waiting letter is
 * out within minutes of the SMTP server's return, without anyone pressing "retry".
 *
 * @param pollInterval how often each node looks for mail that is due; zero delivers only when called (tests)
 * @param batchSize how many mails a node takes per look, and hands to the SMTP server over one connection
 * @param firstRetry the wait after the first failure, doubled after every further failure ...
 * @param maxRetry ... up to this; each wait is shortened or lengthened by up to a fifth at random, so that nodes
 *     and letters do not all knock at once
 * @param claimFor how long a node holds a mail it is handing to the SMTP server: more than twice the 25 s the mail
 *     client's timeouts allow a send, so that only a dead node's hold runs out (a batch starts no send once half of
 *     its hold has passed), and short enough that its mail goes from another node within a minute
 * @param incidentAfter a mail that has failed this long becomes an incident in Cockpit
 */
@Validated
@ConfigurationProperties("rightsdesk.outbox")
public record OutboxProperties(@NotNull Duration pollInterval, int batchSize, @NotNull Duration firstRetry,
    @NotNull Duration maxRetry, @NotNull Duration claimFor, @NotNull Duration incidentAfter) {

  public OutboxProperties {
    batchSize = batchSize <= 0 ? 50 : batchSize;
  }

  /** The wait before the next try after {@code failures} failures in a row, before jitter. */
  Duration retryAfter(int failures) {
    Duration wait = firstRetry;
    for (int i = 1; i < failures && wait.compareTo(maxRetry) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxRetry) < 0 ? wait : maxRetry;
  }
}
