package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The legal calendar on its own: the deadlines of a request received at a given instant. */
@RestController
public class DeadlineApiController {

  /** No request under the GDPR can have been received before it applied (Art 99(2)). */
  static final LocalDate GDPR_APPLIES_FROM = LocalDate.of(2018, 5, 25);

  /** The last day with a four-digit ISO-8601 year. */
  static final LocalDate LAST_SUPPORTED_DATE = LocalDate.of(9999, 12, 31);

  private final LegalCalendar legalCalendar;

  public DeadlineApiController(LegalCalendar legalCalendar) {
    this.legalCalendar = legalCalendar;
  }

  @GetMapping("/api/officer/deadline")
  public DeadlineResponse deadline(@RequestParam String receivedAt) {
    Instant received = parseReceivedAt(receivedAt);
    return new DeadlineResponse(
        received,
        legalCalendar.receiptDate(received),
        legalCalendar.dueDate(received),
        legalCalendar.extendedDueDate(received));
  }

  private Instant parseReceivedAt(String text) {
    Instant received;
    try {
      received = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "receivedAt",
          "must be an ISO-8601 date-time with an offset, e.g. 2025-02-01T00:30:00+01:00 or 2025-01-31T23:30:00Z"
              + " (write + as %2B in a URL)");
    }
    LocalDate receiptDate = legalCalendar.receiptDate(received);
    if (receiptDate.isBefore(GDPR_APPLIES_FROM) || receiptDate.isAfter(LAST_SUPPORTED_DATE)) {
      throw new InvalidInputException(
          "receivedAt", "must lie between " + GDPR_APPLIES_FROM + " and " + LAST_SUPPORTED_DATE);
    }
    return received;
  }

  /** Dates are local dates in the controller's time zone. */
  public record DeadlineResponse(
      Instant receivedAt, LocalDate receiptDate, LocalDate dueDate, LocalDate extendedDueDate) {}
}
