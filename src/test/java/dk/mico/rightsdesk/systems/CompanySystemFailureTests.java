package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.workflow.EngineClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/** A company database that is down makes the work throw, so the job retries; no personal data leaves in the error. */
class CompanySystemFailureTests {

  private static final String ADDRESS = "anna.hansen@example.dk";

  @Test
  void aLookupInADatabaseThatIsGoneThrowsWithoutTheAddress() {
    var company = new TestCompany();
    company.sql.sql("SHUTDOWN").update();
    company.dataSources.close();
    var properties = TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", company.url + ";IFEXISTS=TRUE"));

    try (var dataSources = new CompanyDataSources(properties)) {
      var systems = new CompanySystems(properties, dataSources, EngineClock.engineTime());
      Throwable failure = catchThrowable(() ->
          systems.lookup(TestCompany.CASES, Identifiers.of(ADDRESS, "+45 12 34 56 78", "Anna Berg Hansen")));

      assertThat(failure).isInstanceOf(CompanySystemException.class)
          .hasMessage("lookup in system case-management failed")
          .hasCauseInstanceOf(CompanySystemException.Redacted.class);
      assertFreeOfPersonalData(failure);
    }
  }

  @Test
  void aQueryTheDatabaseRefusesThrowsWithoutTheAddress() {
    try (var company = new TestCompany()) {
      company.sql.sql("DROP TABLE contact_person").update();

      Throwable failure = catchThrowable(() ->
          company.systems.lookup(TestCompany.CASES, Identifiers.of(ADDRESS, null, null)));

      assertThat(failure).isInstanceOf(CompanySystemException.class)
          .hasMessage("lookup in system case-management failed");
      assertFreeOfPersonalData(failure);
    }
  }

  @Test
  void anActionOnADatabaseThatIsDownThrows() {
    var company = new TestCompany();
    company.close();
    var properties = TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", company.url + ";IFEXISTS=TRUE"));

    try (var dataSources = new CompanyDataSources(properties)) {
      var systems = new CompanySystems(properties, dataSources, EngineClock.engineTime());

      assertThat(catchThrowable(() -> systems.suppress(ADDRESS)))
          .isInstanceOf(CompanySystemException.class)
          .hasMessage("suppression in system newsletter failed");
      assertThat(catchThrowable(() -> systems.marketingRecords(TestCompany.CASES, ADDRESS)))
          .isInstanceOf(CompanySystemException.class)
          .hasMessage("stopping marketing in system case-management failed");
    }
  }

  @Test
  void aLookupThatRunsPastTheQueryTimeoutFailsNamingTheSystemAndTheTimeout() {
    try (var company = new TestCompany()) {
      // the table becomes a view that reads 500 rows slowly, as a big table without an index would be
      company.sql.sql("ALTER TABLE contact_person RENAME TO contact_person_rows").update();
      company.sql.sql("CREATE ALIAS SLOW_ROW FOR \"" + SlowTable.class.getName() + ".slowRow\"")
          .update();
      company.sql.sql("CREATE VIEW contact_person AS SELECT c.* FROM contact_person_rows c, SYSTEM_RANGE(1, 100) "
          + "WHERE SLOW_ROW()").update();
      var properties = TestCompany.bind(TestCompany.DECLARATION.replace("@URL@", company.url)
          .replace("rightsdesk:\n  company:\n", "rightsdesk:\n  company:\n    query-timeout: 1s\n"));

      try (var dataSources = new CompanyDataSources(properties)) {
        var systems = new CompanySystems(properties, dataSources, EngineClock.engineTime());
        Throwable failure = catchThrowable(() ->
            systems.lookup(TestCompany.CASES, Identifiers.of(ADDRESS, "+45 12 34 56 78", "Anna Berg Hansen")));

        assertThat(failure).isInstanceOf(CompanySystemException.class)
            .hasMessage("lookup in system case-management timed out: a query ran longer than 1 s "
                + "(rightsdesk.company.query-timeout); see docs/operations.md");
        assertFreeOfPersonalData(failure);
      }
    }
  }

  /** Public, for H2 to call. */
  public static final class SlowTable {

    private SlowTable() {}

    /**
     * One row of a slow table. H2 looks at a statement's timeout every 128 rows it reads, which here is after more
     * than the 1 s timeout; without the timeout the 500 rows would take 5 s and the lookup would answer.
     */
    public static boolean slowRow() throws InterruptedException {
      Thread.sleep(10);
      return true;
    }
  }

  private static void assertFreeOfPersonalData(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(t.getMessage()).doesNotContainIgnoringCase("anna").doesNotContain("12 34 56 78", "12345678");
      assertThat(t.toString()).doesNotContainIgnoringCase("hansen");
    }
  }
}
