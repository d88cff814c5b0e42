package dk.mico.rightsdesk.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an e-mail confirmation link lives, and when the one reminder goes out.
 *
 * @param validFor how long a link works (default 7 days: the clock runs meanwhile, gdpr-rules.md §2)
 * @param remindBefore how long before expiry the reminder goes out
 */
@ConfigurationProperties("rightsdesk.confirmation")
public record ConfirmationProperties(Duration validFor, Duration remindBefore) {

  public ConfirmationProperties {
    validFor = validFor == null ? Duration.ofDays(7) : validFor;
    remindBefore = remindBefore == null ? Duration.ofDays(2) : remindBefore;
    if (remindBefore.isNegative() || remindBefore.isZero() || remindBefore.compareTo(validFor) >= 0) {
      throw new IllegalArgumentException(
          "rightsdesk.confirmation.remind-before must be positive and shorter than valid-for");
    }
  }
}
