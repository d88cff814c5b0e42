package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.oversight.RequestStatistics;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A year's figures for management and an inspector, as JSON (the Cockpit statistics page draws it) and CSV. Counts
 * only, so managers read it as officers do.
 */
@RestController
class StatisticsApiController {

  /** Rights Desk keeps no request from before this year. */
  private static final int FIRST_YEAR = 2018;

  private final RequestStatistics statistics;
  private final LegalCalendar calendar;
  private final Clock clock;

  StatisticsApiController(RequestStatistics statistics, LegalCalendar calendar, Clock clock) {
    this.statistics = statistics;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Operation(summary = "A year's requests (by year of receipt, Copenhagen time): per month by right and channel,"
      + " outcomes, median and 90th percentile handling days, closed late, extensions, refusals by ground; no personal"
      + " data. year defaults to the current one.")
  @GetMapping("/api/officer/statistics")
  RequestStatistics.YearStatistics json(@RequestParam(required = false) String year) {
    return statistics.of(year(year));
  }

  @Operation(summary = "The same figures as CSV, one line per measure and key")
  @GetMapping("/api/officer/statistics.csv")
  void csv(@RequestParam(required = false) String year, HttpServletResponse response) throws IOException {
    int chosen = year(year);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename("request-statistics-" + chosen + ".csv", StandardCharsets.UTF_8).build().toString());
    statistics.writeCsv(chosen, response.getWriter());
  }

  private int year(String value) {
    int thisYear = calendar.receiptDate(clock.instant()).getYear();
    if (value == null || value.isBlank()) {
      return thisYear;
    }
    try {
      int year = Integer.parseInt(value.strip());
      if (year >= FIRST_YEAR && year <= thisYear) {
        return year;
      }
    } catch (NumberFormatException e) {
      // answered below, as for a year out of range
    }
    throw new InvalidInputException("year", "must be a year from " + FIRST_YEAR + " to " + thisYear);
  }
}
