package dk.mico.rightsdesk.system.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins slow further logins down ({@code rightsdesk.security.login.*}), per client address and per user
 * name alike. Nothing here locks an account for good: the longest wait is {@code maxDelay}.
 *
 * @param failuresBeforeDelay failures (typing errors) that cost no wait
 * @param firstDelay the wait after the first failure beyond those; each further failure doubles it
 * @param maxDelay the cap: the longest anyone waits for the next attempt
 * @param forgetAfter failures are forgotten after this long without a new one
 * @param knownClientFor a client address where a user logged in is spared that user's wait (not its own) this long
 * @param noticeAfterFailures a user's failures that make the admins get a notice, once until the user logs in
 */
@ConfigurationProperties("rightsdesk.security.login")
public record LoginThrottleProperties(
    @DefaultValue("3") int failuresBeforeDelay,
    @DefaultValue("PT2S") Duration firstDelay,
    @DefaultValue("PT15M") Duration maxDelay,
    @DefaultValue("PT1H") Duration forgetAfter,
    @DefaultValue("P30D") Duration knownClientFor,
    @DefaultValue("10") int noticeAfterFailures) {

  public LoginThrottleProperties {
    if (failuresBeforeDelay < 0 || noticeAfterFailures < 1 || !isPositive(firstDelay)
        || maxDelay.compareTo(firstDelay) < 0 || forgetAfter.compareTo(maxDelay) < 0 || knownClientFor.isNegative()) {
      throw new IllegalArgumentException("rightsdesk.security.login: failures-before-delay must be 0 or more, "
          + "notice-after-failures at least 1, first-delay positive, max-delay at least first-delay, forget-after "
          + "at least max-delay, known-client-for not negative");
    }
  }

  private static boolean isPositive(Duration duration) {
    return !duration.isNegative() && !duration.isZero();
  }
}
