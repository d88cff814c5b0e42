package dk.mico.rightsdesk.system.security;

import dk.mico.rightsdesk.system.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a login may be tried now, for the Camunda webapps' login form and the API's HTTP
 * Basic alike. Failures slow further attempts down per client address and per user name: a few typing errors cost
 * nothing, then each failure doubles the wait, up to a cap. Nothing locks an account for good, and a refused attempt
 * never reaches Camunda's password check. A client address where the user logged in before is spared the user's wait
 * (not its own), so strangers guessing a user's password do not keep the user out. Counts live in this node's memory;
 * user names are hashed, since a name typed into a login form can be anything, an e-mail address too.
 */
@Component
public class LoginThrottle {

  /** Above this many entries, stale ones are swept out on the next attempt. */
  private static final int SWEEP_ABOVE = 1_000;

  private final LoginThrottleProperties settings;
  private final FailedLoginNotices notices;
  private final Clock clock;
  private final Map<String, Failures> byClient = new HashMap<>();
  private final Map<String, Failures> byUser = new HashMap<>();
  /** When a user last logged in from a client address, by user key and address. */
  private final Map<String, Instant> knownClients = new HashMap<>();

  LoginThrottle(LoginThrottleProperties settings, FailedLoginNotices notices, Clock clock) {
    this.settings = settings;
    this.notices = notices;
    this.clock = clock;
  }

  /**
   * Failures of one client address or one user name since the episode began. An attempt counts as one from the
   * start (taken back when it succeeds or no password was checked), so that attempts sent in parallel cannot all slip
   * through the same gap.
   */
  private record Failures(int count, Instant first, Instant last, boolean noticeSent) {

    Failures plusOne(Instant now) {
      return new Failures(count + 1, first, now, noticeSent);
    }

    /**
     * Without the attempt begun at that moment: the count it added, and its moment unless another attempt has begun
     * since, so that the wait runs from the last real failure. Null when nothing is left.
     */
    Failures without(Instant begunAt, Instant lastBefore) {
      if (count <= 1) {
        return null;
      }
      return new Failures(count - 1, first, last.equals(begunAt) && lastBefore != null ? lastBefore : last,
          noticeSent);
    }
  }

  /** A login let through to the password check, or refused with the time to wait. */
  record Attempt(String client, String userKey, String userName, Instant begunAt, Instant clientLastBefore,
      Instant userLastBefore, Duration retryAfter) {

    boolean refused() {
      return retryAfter != null;
    }

    /** The wait in whole seconds, rounded up, as the Retry-After header gives it. */
    long retryAfterSeconds() {
      return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
  }

  /** Decides on an attempt to log in as {@code userName} (may be blank) from a client address. */
  synchronized Attempt begin(String clientAddress, String userName) {
    Instant now = clock.instant();
    if (byClient.size() + byUser.size() + knownClients.size() > SWEEP_ABOVE) {
      sweep(now);
    }
    String client = clientAddress == null ? "unknown" : clientAddress;
    String userKey = userName == null || userName.isBlank() ? null
        : SecretTokens.hash(userName.strip().toLowerCase(Locale.ROOT));
    Failures ofClient = current(byClient, client, now);
    Failures ofUser = userKey == null ? null : current(byUser, userKey, now);
    Instant ready = readyAt(ofClient, now);
    if (ofUser != null && !isKnown(userKey, client, now)) {
      Instant userReady = readyAt(ofUser, now);
      ready = userReady.isAfter(ready) ? userReady : ready;
    }
    if (ready.isAfter(now)) {
      return new Attempt(client, userKey, userName, now, null, null, Duration.between(now, ready));
    }
    byClient.put(client, ofClient == null ? new Failures(1, now, now, false) : ofClient.plusOne(now));
    if (userKey != null) {
      byUser.put(userKey, ofUser == null ? new Failures(1, now, now, false) : ofUser.plusOne(now));
    }
    return new Attempt(client, userKey, userName, now, ofClient == null ? null : ofClient.last(),
        ofUser == null ? null : ofUser.last(), null);
  }

  /**
   * The password was right: the user's failures are over and this client is known for the user. The client keeps
   * its earlier failures, so that a guesser cannot wipe them by logging in with an account of their own.
   */
  synchronized void succeeded(Attempt attempt) {
    takeBack(byClient, attempt.client(), attempt.begunAt(), attempt.clientLastBefore());
    if (attempt.userKey() != null) {
      byUser.remove(attempt.userKey());
      knownClients.put(knownClientKey(attempt.userKey(), attempt.client()), clock.instant());
    }
  }

  /** No wrong password was checked (the attempt was refused on other grounds): it does not count. */
  synchronized void notChecked(Attempt attempt) {
    takeBack(byClient, attempt.client(), attempt.begunAt(), attempt.clientLastBefore());
    if (attempt.userKey() != null) {
      takeBack(byUser, attempt.userKey(), attempt.begunAt(), attempt.userLastBefore());
    }
  }

  /** The password was wrong (the attempt stays counted); past the threshold the admins are told, once. */
  void failed(Attempt attempt) {
    Failures ofUser;
    synchronized (this) {
      ofUser = attempt.userKey() == null ? null : byUser.get(attempt.userKey());
      if (ofUser == null || ofUser.noticeSent() || ofUser.count() < settings.noticeAfterFailures()) {
        return;
      }
      byUser.put(attempt.userKey(), new Failures(ofUser.count(), ofUser.first(), ofUser.last(), true));
    }
    notices.tell(attempt.userName(), ofUser.count(), ofUser.first(), settings.maxDelay());
  }

  /** Forgets every count and known client, and lets notices under way go out first (tests). */
  public void reset() {
    notices.awaitSent();
    synchronized (this) {
      byClient.clear();
      byUser.clear();
      knownClients.clear();
    }
  }

  /** The wait after this many failures: none for the first few, then doubling from the first delay to the cap. */
  Duration waitAfter(int failures) {
    int beyond = failures - settings.failuresBeforeDelay();
    if (beyond < 0) {
      return Duration.ZERO;
    }
    Duration wait = settings.firstDelay();
    for (int doubling = 0; doubling < beyond && wait.compareTo(settings.maxDelay()) < 0; doubling++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(settings.maxDelay()) < 0 ? wait : settings.maxDelay();
  }

  private static void takeBack(Map<String, Failures> counts, String key, Instant begunAt, Instant lastBefore) {
    counts.computeIfPresent(key, (k, failures) -> failures.without(begunAt, lastBefore));
  }

  private Instant readyAt(Failures failures, Instant now) {
    return failures == null ? now : failures.last().plus(waitAfter(failures.count()));
  }

  /** The key's failures, or null when it has none or they are old enough to be forgotten. */
  private Failures current(Map<String, Failures> counts, String key, Instant now) {
    Failures failures = counts.get(key);
    return failures == null || isStale(failures, now) ? null : failures;
  }

  private boolean isStale(Failures failures, Instant now) {
    return !now.isBefore(failures.last().plus(settings.forgetAfter()));
  }

  private boolean isKnown(String userKey, String client, Instant now) {
    Instant lastLogin = knownClients.get(knownClientKey(userKey, client));
    return lastLogin != null && now.isBefore(lastLogin.plus(settings.knownClientFor()));
  }

  private static String knownClientKey(String userKey, String client) {
    return userKey + " " + client;
  }

  private void sweep(Instant now) {
    byClient.values().removeIf(failures -> isStale(failures, now));
    byUser.values().removeIf(failures -> isStale(failures, now));
    knownClients.values().removeIf(lastLogin -> !now.isBefore(lastLogin.plus(settings.knownClientFor())));
  }
}
