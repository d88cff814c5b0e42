package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.support.MovingClock;
import dk.mico.rightsdesk.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowLimitTests {

  private final MovingClock clock = new MovingClock(TestClock.start());
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
