package dk.mico.rightsdesk.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the application and the engine: receipt times, link expiries and the engine's timers all read the
 * engine's clock, so that process tests that move time ({@code ClockUtil}) move all of it.
 */
@Configuration(proxyBeanMethods = false)
public class EngineClock {

  @Bean
  Clock clock() {
    return engineTime();
  }

  /** The engine's time in UTC, for code built outside the application context (tests of one component). */
  public static Clock engineTime() {
    return new EngineTime(ZoneOffset.UTC);
  }

  private static final class EngineTime extends Clock {

    private final ZoneId zone;

    EngineTime(ZoneId zone) {
      this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new EngineTime(other);
    }

    @Override
    public Instant instant() {
      return ClockUtil.now().toInstant();
    }
  }
}
