package dk.mico.rightsdesk.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The moment every test starts at, so that no result depends on the day the suite runs. Camunda's clock (and with it
 * the application's {@code Clock} bean, the engine's timers and the legal calendar) stands still at this moment
 * until a test moves it; before each test class and each test it is put back.
 *
 * <p>The moment is {@value #PROPERTY} when set (an ISO date-time with offset, {@code 2027-03-26T10:00:00+01:00}, or a
 * local one read in Copenhagen, {@code 2026-12-24T23:59}), otherwise {@link #ORDINARY_DAY}. docs/testing.md lists the
 * awkward moments the whole suite is run at. Registered for every test by the JUnit service file in test resources.
 */
public final class TestClock implements BeforeAllCallback, BeforeEachCallback {

  public static final String PROPERTY = "rightsdesk.test.now";

  /** A Tuesday morning in Copenhagen away from holidays and clock changes, after the receipt dates tests write out. */
  static final String ORDINARY_DAY = "2026-11-24T10:00:00+01:00";

  private static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

  private static final Instant START = parse(System.getProperty(PROPERTY, ORDINARY_DAY));

  @Override
  public void beforeAll(ExtensionContext context) {
    reset();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    reset();
  }

  /** Stops the clock at the start moment. */
  public static void reset() {
    ClockUtil.setCurrentTime(Date.from(START));
  }

  /** What the application and the engine take as now. */
  public static Instant now() {
    return ClockUtil.now().toInstant();
  }

  /** The start moment of this run. */
  public static Instant start() {
    return START;
  }

  static Instant parse(String moment) {
    try {
      return OffsetDateTime.parse(moment).toInstant();
    } catch (DateTimeException withoutOffset) {
      try {
        return LocalDateTime.parse(moment).atZone(COPENHAGEN).toInstant();
      } catch (DateTimeException e) {
        throw new IllegalArgumentException(PROPERTY + "=" + moment
            + " is not a date-time such as 2027-03-26T10:00:00+01:00 or 2026-12-24T23:59 (Copenhagen)", e);
      }
    }
  }
}
