package dk.mico.rightsdesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} events per key within a sliding window, counted in this node's memory. Keys are hashed by the
 * callers where they are personal data (an e-mail address), so no address is kept here in clear. A key whose events
 * have all left the window is forgotten (at most a window after its last event), so the map holds only the keys of the
 * current window, not every address that ever submitted.
 */
public class SlidingWindowLimit {

  private final int max;
  private final Duration window;
  private final Clock clock;
  /** Each key's deque is read and changed only inside the map's per-key compute, which the sweep uses too. */
  private final ConcurrentHashMap<String, Deque<Instant>> events = new ConcurrentHashMap<>();
  private volatile Instant nextSweep = Instant.MIN;

  public SlidingWindowLimit(int max, Duration window, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /** Whether the key has used up its events in the current window. */
  public boolean isExhausted(String key) {
    boolean[] exhausted = {false};
    events.computeIfPresent(key, (k, deque) -> {
      Deque<Instant> recent = pruned(deque);
      exhausted[0] = recent != null && recent.size() >= max;
      return recent;
    });
    return exhausted[0];
  }

  public void record(String key) {
    sweepWhenDue();
    events.compute(key, (k, deque) -> {
      Deque<Instant> recent = deque == null ? new ArrayDeque<>() : deque;
      pruned(recent);
      recent.addLast(clock.instant());
      return recent;
    });
  }

  /** Counts the event if the key has room for it; answers false, counting nothing, when it has not. */
  public boolean tryAcquire(String key) {
    sweepWhenDue();
    boolean[] acquired = {false};
    events.compute(key, (k, deque) -> {
      Deque<Instant> recent = deque == null ? new ArrayDeque<>() : deque;
      pruned(recent);
      if (recent.size() < max) {
        recent.addLast(clock.instant());
        acquired[0] = true;
      }
      return recent.isEmpty() ? null : recent;
    });
    return acquired[0];
  }

  /** Forgets every count (tests). */
  public void reset() {
    events.clear();
  }

  /** How many keys are held (tests). */
  int keys() {
    return events.size();
  }

  /** Once per window: drops the keys whose events have all left it. */
  private void sweepWhenDue() {
    Instant now = clock.instant();
    if (now.isBefore(nextSweep)) {
      return;
    }
    nextSweep = now.plus(window);
    for (String key : events.keySet()) {
      events.computeIfPresent(key, (k, deque) -> pruned(deque));
    }
  }

  /** The deque without the events before the window; null (the key goes) when none is left. */
  private Deque<Instant> pruned(Deque<Instant> recent) {
    Instant cutoff = clock.instant().minus(window);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
      recent.removeFirst();
    }
    return recent.isEmpty() ? null : recent;
  }
}
