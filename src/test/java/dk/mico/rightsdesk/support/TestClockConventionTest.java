package dk.mico.rightsdesk.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * No test reads the machine's clock: a result that depends on the day the suite runs is a defect (docs/testing.md).
 * Tests take "now" from {@link TestClock} and move time with the engine's clock. Left out: the crash test, which
 * restarts the packaged jar in a process of its own, and the benchmarks, which measure wall-clock time.
 */
class TestClockConventionTest {

  private static final JavaClasses TESTS = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
      .importPackages("dk.mico.rightsdesk");

  private static final Set<Class<?>> DATE_TYPES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
      LocalDate.class, LocalDateTime.class, LocalTime.class);

  private static final DescribedPredicate<JavaCall<?>> READS_THE_MACHINE_CLOCK =
      DescribedPredicate.describe("read the machine's clock", call -> {
        String owner = call.getTargetOwner().getName();
        String method = call.getName();
        return DATE_TYPES.stream().anyMatch(type -> type.getName().equals(owner)) && method.equals("now")
            || owner.equals(Clock.class.getName()) && method.startsWith("system")
            || owner.equals(System.class.getName()) && method.equals("currentTimeMillis")
            || owner.equals(ClockUtil.class.getName()) && method.startsWith("reset");
      });

  @Test
  void testsTakeTheirTimeFromTheTestClock() {
    noClasses()
        .that().doNotHaveSimpleName("CrashRecoveryIT")
        .and().haveSimpleNameNotEndingWith("Benchmark")
        .should().callMethodWhere(READS_THE_MACHINE_CLOCK)
        .because("the suite must give the same answer on any day; use TestClock.now() and move the engine's clock")
        .check(TESTS);
  }
}
