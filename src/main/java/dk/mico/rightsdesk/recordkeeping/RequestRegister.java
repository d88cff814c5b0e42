package dk.mico.rightsdesk.recordkeeping;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.Requests;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of every request (Art 5(2): the controller shows how it handled the rights): one CSV line per request
 * with its right, channel, receipt, deadline in force, extension, when it was answered, its outcome and the days it
 * took. No personal data, so managers may have it.
 */
@Service
public class RequestRegister {

  static final List<String> HEADER = List.of("reference", "right", "channel", "received", "due", "extended",
      "answered", "outcome", "days taken");

  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Requests requests;
  private final LegalCalendar calendar;

  RequestRegister(Requests requests, LegalCalendar calendar) {
    this.requests = requests;
    this.calendar = calendar;
  }

  @Transactional(readOnly = true)
  public void writeCsv(Writer out) throws IOException {
    out.write(SpreadsheetCsv.line(HEADER));
    for (DataSubjectRequest request : requests.list(false)) {
      out.write(SpreadsheetCsv.line(cells(request)));
    }
  }

  /** Receipt in Copenhagen time; answered on the day the request was closed; days counted from the receipt date. */
  private List<String> cells(DataSubjectRequest request) {
    LocalDate received = calendar.receiptDate(request.receivedAt());
    LocalDate answered = request.closedAt() == null ? null : calendar.receiptDate(request.closedAt());
    return List.of(
        request.reference(),
        request.type().name(),
        request.channel().name(),
        request.receivedAt().atZone(calendar.zone()).format(LOCAL_TIME),
        request.dueDate().toString(),
        request.extended() ? "yes" : "no",
        answered == null ? "" : answered.toString(),
        request.outcome() == null || request.isOpen() ? "" : request.outcome().name(),
        answered == null ? "" : Long.toString(ChronoUnit.DAYS.between(received, answered)));
  }
}
