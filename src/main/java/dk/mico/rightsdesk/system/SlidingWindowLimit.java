package dk.mico.rightsdesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} events per key within a sliding window, counted in this node's memory. Keys are hashed by the
 * callers where they are personal data (an e-mail address), so no address is kept here in clear.
 */
public class SlidingWindowLimit {

  private final int max;
  private final Duration window;
  private final Clock clock;
  private final ConcurrentHashMap<String, Deque<Instant>> events = new ConcurrentHashMap<>();

  public SlidingWindowLimit(int max, Duration window, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /** Whether the key has used up its events in the current window. */
  public boolean isExhausted(String key) {
    Deque<Instant> recent = events.get(key);
    if (recent == null) {
      return false;
    }
    synchronized (recent) {
      prune(recent);
      return recent.size() >= max;
    }
  }

  public void record(String key) {
    Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent);
      recent.addLast(clock.instant());
    }
  }

  /** Counts the event if the key has room for it; answers false, counting nothing, when it has not. */
  public boolean tryAcquire(String key) {
    Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (recent) {
      prune(recent);
      if (recent.size() >= max) {
        return false;
      }
      recent.addLast(clock.instant());
      return true;
    }
  }

  /** Forgets every count (tests). */
  public void reset() {
    events.clear();
  }

  private void prune(Deque<Instant> recent) {
    Instant cutoff = clock.instant().minus(window);
    while (!recent.isEmpty() && recent.peekFirst().isBefore(cutoff)) {
      recent.removeFirst();
    }
  }
}
