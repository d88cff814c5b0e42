package dk.mico.rightsdesk.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.mico.rightsdesk.oversight.RequestStatistics.RefusalGround;
import dk.mico.rightsdesk.oversight.RequestStatistics.YearStatistics;
import dk.mico.rightsdesk.request.Channel;
import dk.mico.rightsdesk.request.Outcome;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The year's figures on a seeded set of requests with known answers. The set lies in 2019, a year no other test
 * writes, and includes receipts either side of New Year in Copenhagen (the year and month are Copenhagen's, not UTC's).
 */
@RightsDeskSpringTest
class RequestStatisticsTests {

  @Autowired RequestStatistics statistics;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @BeforeEach
  void seedRequestsOf2019() {
    removeSeed();
    // received (Copenhagen)              right            channel          due          extended closed      outcome
    seed(1, "2019-01-10T10:00+01:00", RequestType.ACCESS, Channel.WEB, "2019-02-11", false, "2019-01-20",
        Outcome.FULFILLED, null);
    seed(2, "2019-01-31T23:30+01:00", RequestType.ERASURE, Channel.EMAIL, "2019-02-28", false, "2019-03-05",
        Outcome.FULFILLED, null);
    seed(3, "2019-03-15T09:00+01:00", RequestType.OBJECTION, Channel.PHONE, "2019-06-17", true, "2019-05-15",
        Outcome.PARTIALLY_REFUSED, null);
    seed(4, "2019-12-31T23:30+01:00", RequestType.ACCESS, Channel.LETTER, "2020-01-31", false, null, null, null);
    seed(5, "2019-06-01T12:00+02:00", RequestType.RECTIFICATION, Channel.WEB, "2019-07-01", false, "2019-06-05",
        Outcome.REFUSED, "EXCESSIVE");
    seed(6, "2019-07-01T12:00+02:00", RequestType.ACCESS, Channel.EMAIL, "2019-08-01", false, "2019-08-01",
        Outcome.UNVERIFIABLE, null);
    // 2019 in UTC, 2020 in Copenhagen: not this year's
    seed(7, "2020-01-01T00:30+01:00", RequestType.PORTABILITY, Channel.WEB, "2020-02-03", false, null, null, null);
    // 2018 in UTC, 2019 in Copenhagen: this year's, in January
    seed(8, "2019-01-01T00:30+01:00", RequestType.ERASURE, Channel.WEB, "2019-02-01", false, null, null, null);
  }

  /** Other tests' dashboards and registers must not meet requests without a process. */
  @AfterEach
  void removeSeed() {
    jdbc.sql("DELETE FROM dsr_request WHERE reference LIKE 'DSR-STAT-%'").update();
  }

  @Test
  void countsTheYearsRequestsByMonthRightChannelAndOutcome() {
    YearStatistics year = statistics.of(2019);

    assertThat(year.received()).isEqualTo(7);
    assertThat(year.byMonthAndRight().get(1)).containsEntry(RequestType.ACCESS, 1).containsEntry(RequestType.ERASURE, 2)
        .containsEntry(RequestType.PORTABILITY, 0);
    assertThat(year.byMonthAndRight().get(3)).containsEntry(RequestType.OBJECTION, 1);
    assertThat(year.byMonthAndRight().get(12)).containsEntry(RequestType.ACCESS, 1);
    assertThat(year.byMonthAndRight().get(2).values()).containsOnly(0);
    assertThat(year.byMonthAndChannel().get(1)).containsEntry(Channel.WEB, 2).containsEntry(Channel.EMAIL, 1);
    assertThat(year.byMonthAndChannel().get(12)).containsEntry(Channel.LETTER, 1);
    assertThat(year.outcomes()).containsEntry(Outcome.FULFILLED, 2).containsEntry(Outcome.PARTIALLY_REFUSED, 1)
        .containsEntry(Outcome.REFUSED, 1).containsEntry(Outcome.UNVERIFIABLE, 1).containsEntry(Outcome.WITHDRAWN, 0);
  }

  @Test
  void handlingTimeLatenessExtensionsAndRefusalGrounds() {
    YearStatistics year = statistics.of(2019);

    assertThat(year.closed()).isEqualTo(5);
    assertThat(year.open()).isEqualTo(2);
    // calendar days 4, 10, 31, 33, 61: the median is the third, the 90th percentile the fifth (nearest rank)
    assertThat(year.medianDays()).isEqualTo(31);
    assertThat(year.p90Days()).isEqualTo(61);
    // answered 5 March on a deadline of 28 February; the extended objection was answered within its new deadline
    assertThat(year.closedLate()).isEqualTo(1);
    assertThat(year.extended()).isEqualTo(1);
    assertThat(year.refusalsByGround()).isEqualTo(Map.of(RefusalGround.EXCESSIVE, 1,
        RefusalGround.MANIFESTLY_UNFOUNDED, 0, RefusalGround.IDENTITY_NOT_VERIFIED, 1,
        RefusalGround.RIGHT_DID_NOT_APPLY, 1));
  }

  @Test
  void aYearWithoutRequestsHasNoHandlingTime() {
    YearStatistics year = statistics.of(2018);

    assertThat(year.received()).isZero();
    assertThat(year.medianDays()).isNull();
    assertThat(year.p90Days()).isNull();
  }

  @Test
  void managersReadTheFiguresAsJsonAndCsvWithoutPersonalData() throws Exception {
    mvc.perform(get("/api/officer/statistics?year=2019").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.received").value(7))
        .andExpect(jsonPath("$.medianDays").value(31))
        .andExpect(jsonPath("$.byMonthAndRight['1'].ERASURE").value(2));

    String csv = mvc.perform(get("/api/officer/statistics.csv?year=2019").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(csv).startsWith("\"measure\",\"key\",\"value\"\r\n")
        .contains("\"received by month and right\",\"2019-01 ERASURE\",\"2\"\r\n")
        .contains("\"handling days\",\"90th percentile\",\"61\"\r\n")
        .contains("\"refusals by ground\",\"EXCESSIVE\",\"1\"\r\n")
        .doesNotContain("Statistik");
  }

  @Test
  void aBadYearIsNamedAndSubjectsCannotRead() throws Exception {
    mvc.perform(get("/api/officer/statistics?year=nineteen").with(httpBasic("manager", "manager")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("year"));
    mvc.perform(get("/api/officer/statistics?year=1999").with(httpBasic("officer", "officer")))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/officer/statistics")).andExpect(status().isUnauthorized());
  }

  @Test
  void theChartLibraryIsServedByTheAppItself() throws Exception {
    mvc.perform(get("/webjars/chart.js/4.4.9/dist/chart.umd.js")).andExpect(status().isOk());
  }

  private void seed(int number, String receivedAt, RequestType type, Channel channel, String due, boolean extended,
      String closedOn, Outcome outcome, String art12Ground) {
    OffsetDateTime received = OffsetDateTime.parse(receivedAt);
    jdbc.sql("INSERT INTO dsr_request (reference, request_type, channel, language, received_at, original_due_date,"
            + " due_date, extended, status, outcome, art12_5_ground, subject_name, closed_at, created_at)"
            + " VALUES (:reference, :type, :channel, 'da', :receivedAt, :due, :due, :extended, :status, :outcome,"
            + " :ground, 'Statistik Person', :closedAt, :receivedAt)")
        .param("reference", "DSR-STAT-" + number)
        .param("type", type.name())
        .param("channel", channel.name())
        .param("receivedAt", Timestamp.from(received.toInstant()))
        .param("due", java.sql.Date.valueOf(LocalDate.parse(due)))
        .param("extended", extended)
        .param("status", closedOn == null ? "IN_PROGRESS" : "CLOSED")
        .param("outcome", outcome == null ? null : outcome.name())
        .param("ground", art12Ground)
        .param("closedAt", closedOn == null ? null
            : Timestamp.from(LocalDate.parse(closedOn).atTime(12, 0).atZone(received.getOffset()).toInstant()))
        .update();
  }
}
