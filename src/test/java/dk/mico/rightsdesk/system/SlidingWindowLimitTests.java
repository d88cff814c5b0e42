package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.support.TestClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlidingWindowLimitTests {

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now = TestClock.start();

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final SlidingWindowLimit limit = new SlidingWindowLimit(2, Duration.ofHours(1), clock);

  @Test
  void aKeyHasItsShareWithinTheWindowAndAgainOnceItsEventsHaveLeftIt() {
    assertThat(limit.tryAcquire("a")).isTrue();
    assertThat(limit.tryAcquire("a")).isTrue();
    assertThat(limit.tryAcquire("a")).isFalse();
    assertThat(limit.isExhausted("a")).isTrue();

    clock.advance(Duration.ofMinutes(61));
    assertThat(limit.isExhausted("a")).isFalse();
    assertThat(limit.tryAcquire("a")).isTrue();
  }

  @Test
  void keysWhoseEventsHaveAllLeftTheWindowAreForgotten() {
    for (int i = 0; i < 100; i++) {
      limit.record("address-" + i);
    }
    assertThat(limit.keys()).isEqualTo(100);

    clock.advance(Duration.ofMinutes(61));
    limit.record("a later one");

    assertThat(limit.keys()).isEqualTo(1);
    assertThat(limit.isExhausted("a later one")).isFalse();
  }
}
