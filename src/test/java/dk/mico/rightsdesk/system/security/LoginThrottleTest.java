package dk.mico.rightsdesk.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dk.mico.rightsdesk.support.MovingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic on the default settings, with a clock the test moves. */
class LoginThrottleTest {

  private static final LoginThrottleProperties DEFAULTS = new LoginThrottleProperties(3, Duration.ofSeconds(2),
      Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofDays(30), 10);

  private final MovingClock clock = new MovingClock(Instant.parse("2026-11-02T08:00:00Z"));
  private final FailedLoginNotices notices = mock(FailedLoginNotices.class);
  private final LoginThrottle throttle = new LoginThrottle(DEFAULTS, notices, clock);

  @Test
  void threeFailuresAreFreeThenTheWaitDoublesUpToTheCap() {
    assertThat(throttle.waitAfter(0)).isZero();
    assertThat(throttle.waitAfter(2)).isZero();
    assertThat(throttle.waitAfter(3)).hasSeconds(2);
    assertThat(throttle.waitAfter(4)).hasSeconds(4);
    assertThat(throttle.waitAfter(11)).hasSeconds(512);
    assertThat(throttle.waitAfter(12)).hasMinutes(15);
    assertThat(throttle.waitAfter(Integer.MAX_VALUE)).as("never more than the cap").hasMinutes(15);
  }

  @Test
  void failuresAreForgottenAfterAnHourWithoutOne() {
    fail("10.0.0.1", "officer", 12);
    assertThat(throttle.begin("10.0.0.1", "officer").retryAfter()).hasMinutes(15);
    clock.advance(Duration.ofMinutes(59));
    assertThat(throttle.begin("10.0.0.1", "officer").refused()).as("the wait has passed").isFalse();
    clock.advance(Duration.ofHours(1));
    fail("10.0.0.1", "officer", 3);
    assertThat(throttle.begin("10.0.0.1", "officer").retryAfter()).as("counted afresh").hasSeconds(2);
  }

  @Test
  void aSuccessEndsTheUsersFailuresButNotTheClientsAndDoesNotProlongItsWait() {
    fail("10.0.0.1", "officer", 2);
    fail("10.0.0.1", "manager", 2);
    clock.advance(Duration.ofSeconds(10));
    LoginThrottle.Attempt rightPassword = throttle.begin("10.0.0.1", "officer");
    assertThat(rightPassword.refused()).isFalse();
    throttle.succeeded(rightPassword);
    assertThat(throttle.begin("192.0.2.1", "officer").refused()).as("officer's failures are over").isFalse();

    LoginThrottle.Attempt again = throttle.begin("10.0.0.1", "admin");
    assertThat(again.refused()).as("the client's own wait ran from its last failure, not from the success")
        .isFalse();
    throttle.failed(again);
    assertThat(throttle.begin("10.0.0.1", "admin").retryAfter()).as("its five failures still count").hasSeconds(8);
  }

  @Test
  void attemptsSentInParallelCannotAllSlipThroughTheSameGap() {
    fail("10.0.0.1", "officer", 3);
    clock.advance(Duration.ofSeconds(2));
    assertThat(throttle.begin("10.0.0.1", "officer").refused()).isFalse();
    assertThat(throttle.begin("10.0.0.1", "officer").refused()).as("the first is still being checked").isTrue();
  }

  @Test
  void anAttemptRefusedBeforeThePasswordCheckCountsNothing() {
    fail("10.0.0.1", "officer", 2);
    for (int i = 0; i < 5; i++) {
      throttle.notChecked(throttle.begin("10.0.0.1", "officer"));
    }
    LoginThrottle.Attempt third = throttle.begin("10.0.0.1", "officer");
    assertThat(third.refused()).isFalse();
    throttle.failed(third);
    assertThat(throttle.begin("10.0.0.1", "officer").retryAfter()).as("three real failures").hasSeconds(2);
  }

  @Test
  void anAddressWhereTheUserLoggedInIsSparedTheUsersWaitForThirtyDays() {
    throttle.succeeded(throttle.begin("10.0.0.1", "officer"));
    for (int client = 1; client <= 5; client++) {
      fail("198.51.100." + client, "officer", 1);
    }
    assertThat(throttle.begin("192.0.2.1", "officer").refused()).isTrue();
    assertThat(throttle.begin("10.0.0.1", "officer").refused()).isFalse();
  }

  @Test
  void theKnownAddressExpires() {
    throttle.succeeded(throttle.begin("10.0.0.1", "officer"));
    clock.advance(Duration.ofDays(30));
    for (int client = 1; client <= 5; client++) {
      fail("198.51.100." + client, "officer", 1);
    }
    assertThat(throttle.begin("10.0.0.1", "officer").refused()).isTrue();
  }

  @Test
  void userNamesDifferingInCaseOrSpacesAreOneUser() {
    fail("198.51.100.1", "officer", 1);
    fail("198.51.100.2", "Officer", 1);
    fail("198.51.100.3", " OFFICER ", 1);
    assertThat(throttle.begin("198.51.100.4", "officer").retryAfter()).hasSeconds(2);
  }

  @Test
  void theAdminsAreToldOnceWhenAUsersFailuresReachTheThresholdAndAgainAfterALogin() {
    for (int client = 1; client <= 15; client++) {
      fail("198.51.100." + client, "officer", 1);
    }
    verify(notices, times(1)).tell(eq("officer"), eq(10), any(), eq(Duration.ofMinutes(15)));

    clock.advance(Duration.ofMinutes(15));
    throttle.succeeded(throttle.begin("10.0.0.1", "officer"));
    for (int client = 1; client <= 9; client++) {
      fail("203.0.113." + client, "officer", 1);
    }
    verify(notices, times(1)).tell(any(), anyInt(), any(), any());
    fail("203.0.113.10", "officer", 1);
    verify(notices, times(2)).tell(any(), anyInt(), any(), any());
    verify(notices, never()).tell(eq("manager"), anyInt(), any(), any());
  }

  /** Wrong passwords from one client for one user, each after the wait the throttle asks for. */
  private void fail(String client, String user, int times) {
    for (int i = 0; i < times; i++) {
      LoginThrottle.Attempt attempt = throttle.begin(client, user);
      if (attempt.refused()) {
        clock.advance(attempt.retryAfter());
        attempt = throttle.begin(client, user);
      }
      assertThat(attempt.refused()).isFalse();
      throttle.failed(attempt);
    }
  }
}
