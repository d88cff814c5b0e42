package dk.mico.rightsdesk.support;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
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
 * Tests take "now" from {@link TestClock} and move time with the engine's clock. Left out: the tests that run the
 * packaged jar in processes of their own (crash, cluster, mail outage) and the benchmarks, which measure wall-clock
 * time.
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

  /** Kill and restart the packaged jar on the machine's clock; nested classes count with their outer class. */
  private static final Set<String> OWN_PROCESS_TESTS = Set.of("dk.mico.rightsdesk.system.CrashRecoveryIT",
      "dk.mico.rightsdesk.system.ClusterIT", "dk.mico.rightsdesk.system.MailOutageIT",
      "dk.mico.rightsdesk.support.AppProcess");

  private static final DescribedPredicate<JavaClass> RUNS_ITS_OWN_PROCESS =
      DescribedPredicate.describe("run the packaged jar in a process of their own",
          type -> OWN_PROCESS_TESTS.contains(type.getName().replaceFirst("\\$.*", "")));

  @Test
  void testsTakeTheirTimeFromTheTestClock() {
    noClasses()
        .that(DescribedPredicate.not(RUNS_ITS_OWN_PROCESS))
        .and().haveSimpleNameNotEndingWith("Benchmark")
        .should().callMethodWhere(READS_THE_MACHINE_CLOCK)
        .because("the suite must give the same answer on any day; use TestClock.now() and move the engine's clock")
        .check(TESTS);
  }
}
