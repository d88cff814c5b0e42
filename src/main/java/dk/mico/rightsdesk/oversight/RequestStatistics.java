package dk.mico.rightsdesk.oversight;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.Channel;
import dk.mico.rightsdesk.request.Outcome;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.system.Csv;
import java.io.PrintWriter;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The year's figures for the board and for an inspector: requests per month by right and by channel, outcomes,
 * handling time, requests answered late, extensions and refusals by ground. The year is that of receipt (in
 * Copenhagen), so every request counts once, in the year it arrived; handling times and lateness count the closed
 * ones among them. Counts only: no personal data.
 */
@Service
public class RequestStatistics {

  /** Why a request was refused in whole or in part. */
  public enum RefusalGround {
    /** Art 12(5): manifestly unfounded. */
    MANIFESTLY_UNFOUNDED,
    /** Art 12(5): excessive. */
    EXCESSIVE,
    /** Art 11(2), 12(2): the subject could not be identified. */
    IDENTITY_NOT_VERIFIED,
    /** The right did not apply to the data, in whole or in part (e.g. Art 17(3), 21(1)), as the answer gave. */
    RIGHT_DID_NOT_APPLY
  }

  /**
   * The year's figures. Months are 1-12; {@code medianDays} and {@code p90Days} are calendar days from receipt to
   * answer (nearest rank), null when nothing closed.
   */
  public record YearStatistics(int year, int received, Map<Integer, Map<RequestType, Integer>> byMonthAndRight,
      Map<Integer, Map<Channel, Integer>> byMonthAndChannel, Map<Outcome, Integer> outcomes, int closed,
      int open, Integer medianDays, Integer p90Days, int closedLate, int extended,
      Map<RefusalGround, Integer> refusalsByGround) {}

  private record Row(RequestType type, Channel channel, Instant receivedAt, LocalDate dueDate, boolean extended,
      Outcome outcome, String art12Ground, Instant closedAt) {}

  private final JdbcClient jdbc;
  private final LegalCalendar calendar;

  RequestStatistics(JdbcClient jdbc, LegalCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  @Transactional(readOnly = true)
  public YearStatistics of(int year) {
    ZonedDateTime start = LocalDate.of(year, 1, 1).atStartOfDay(calendar.zone());
    List<Row> rows = jdbc.sql("SELECT request_type, channel, received_at, due_date, extended, outcome, art12_5_ground,"
            + " closed_at FROM dsr_request WHERE received_at >= :start AND received_at < :end")
        .param("start", Timestamp.from(start.toInstant()))
        .param("end", Timestamp.from(start.plusYears(1).toInstant()))
        .query((rs, n) -> new Row(RequestType.valueOf(rs.getString("request_type")),
            Channel.valueOf(rs.getString("channel")), rs.getTimestamp("received_at").toInstant(),
            rs.getDate("due_date").toLocalDate(), rs.getBoolean("extended"),
            rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
            rs.getString("art12_5_ground"),
            rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant()))
        .list();

    Map<Integer, Map<RequestType, Integer>> byRight = perMonth(rows, RequestType.values(), Row::type);
    Map<Integer, Map<Channel, Integer>> byChannel = perMonth(rows, Channel.values(), Row::channel);
    Map<Outcome, Integer> outcomes = zeros(Outcome.values());
    Map<RefusalGround, Integer> refusals = zeros(RefusalGround.values());
    List<Long> days = new ArrayList<>();
    int late = 0;
    for (Row row : rows) {
      if (row.outcome() != null) {
        outcomes.merge(row.outcome(), 1, Integer::sum);
        refusalGround(row).ifPresent(ground -> refusals.merge(ground, 1, Integer::sum));
      }
      if (row.closedAt() != null) {
        LocalDate answered = calendar.receiptDate(row.closedAt());
        days.add(ChronoUnit.DAYS.between(calendar.receiptDate(row.receivedAt()), answered));
        if (answered.isAfter(row.dueDate())) {
          late++;
        }
      }
    }
    days.sort(null);
    int extended = (int) rows.stream().filter(Row::extended).count();
    return new YearStatistics(year, rows.size(), byRight, byChannel, outcomes, days.size(), rows.size() - days.size(),
        percentile(days, 50), percentile(days, 90), late, extended, refusals);
  }

  /** The figures as CSV: one section per measure, each line a label and its count. */
  public void writeCsv(int year, PrintWriter out) {
    YearStatistics s = of(year);
    out.print(csvLine("measure", "key", "value"));
    out.print(csvLine("year", "", String.valueOf(s.year())));
    out.print(csvLine("received", "", String.valueOf(s.received())));
    s.byMonthAndRight().forEach((month, counts) -> counts.forEach((type, count) ->
        out.print(csvLine("received by month and right", year + "-" + twoDigits(month) + " " + type,
            String.valueOf(count)))));
    s.byMonthAndChannel().forEach((month, counts) -> counts.forEach((channel, count) ->
        out.print(csvLine("received by month and channel", year + "-" + twoDigits(month) + " " + channel,
            String.valueOf(count)))));
    s.outcomes().forEach((outcome, count) -> out.print(csvLine("outcome", outcome.name(), String.valueOf(count))));
    out.print(csvLine("closed", "", String.valueOf(s.closed())));
    out.print(csvLine("open", "", String.valueOf(s.open())));
    out.print(csvLine("handling days", "median", s.medianDays() == null ? "" : String.valueOf(s.medianDays())));
    out.print(csvLine("handling days", "90th percentile", s.p90Days() == null ? "" : String.valueOf(s.p90Days())));
    out.print(csvLine("closed late", "", String.valueOf(s.closedLate())));
    out.print(csvLine("extended (Art 12(3))", "", String.valueOf(s.extended())));
    s.refusalsByGround().forEach((ground, count) ->
        out.print(csvLine("refusals by ground", ground.name(), String.valueOf(count))));
    out.flush();
  }

  private static Optional<RefusalGround> refusalGround(Row row) {
    return switch (row.outcome()) {
      case UNVERIFIABLE -> Optional.of(RefusalGround.IDENTITY_NOT_VERIFIED);
      case REFUSED, PARTIALLY_REFUSED -> Optional.of(row.art12Ground() == null
          ? RefusalGround.RIGHT_DID_NOT_APPLY : RefusalGround.valueOf(row.art12Ground()));
      default -> Optional.empty();
    };
  }

  private <K extends Enum<K>> Map<Integer, Map<K, Integer>> perMonth(List<Row> rows, K[] keys,
      Function<Row, K> key) {
    Map<Integer, Map<K, Integer>> months = new LinkedHashMap<>();
    for (int month = 1; month <= 12; month++) {
      months.put(month, zeros(keys));
    }
    rows.forEach(row -> months.get(row.receivedAt().atZone(calendar.zone()).getMonthValue())
        .merge(key.apply(row), 1, Integer::sum));
    return months;
  }

  private static <K extends Enum<K>> Map<K, Integer> zeros(K[] keys) {
    Map<K, Integer> counts = new LinkedHashMap<>();
    Arrays.stream(keys).forEach(k -> counts.put(k, 0));
    return counts;
  }

  /** The nearest-rank percentile of sorted values. */
  private static Integer percentile(List<Long> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return Math.toIntExact(sorted.get(Math.max(rank, 1) - 1));
  }

  private static String csvLine(String measure, String key, String value) {
    return Csv.line(List.of(measure, key, value));
  }

  private static String twoDigits(int month) {
    return month < 10 ? "0" + month : String.valueOf(month);
  }
}
