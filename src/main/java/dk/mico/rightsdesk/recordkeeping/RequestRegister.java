package dk.mico.rightsdesk.recordkeeping;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.inbox.Dismissal;
import dk.mico.rightsdesk.inbox.Inbox;
import dk.mico.rightsdesk.request.RequestStatus;
import dk.mico.rightsdesk.request.Requests;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * took; then one line per e-mail to the GDPR mailbox that was found to be no request (outcome NOT_A_REQUEST, named
 * by the e-mail's process key, without its right), so that what was set aside is counted too. No personal data, so
 * managers may have it.
 */
@Service
public class RequestRegister {

  static final List<String> HEADER = List.of("reference", "right", "channel", "received", "due", "extended",
      "answered", "outcome", "days taken");

  static final String NOT_A_REQUEST = "NOT_A_REQUEST";

  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Requests requests;
  private final Inbox inbox;
  private final LegalCalendar calendar;

  RequestRegister(Requests requests, Inbox inbox, LegalCalendar calendar) {
    this.requests = requests;
    this.inbox = inbox;
    this.calendar = calendar;
  }

  /** Written as the rows come from the database, so the whole register is never in memory. */
  @Transactional(readOnly = true)
  public void writeCsv(Writer out) throws IOException {
    out.write(SpreadsheetCsv.line(HEADER));
    try {
      requests.eachRegistered(request -> {
        try {
          out.write(SpreadsheetCsv.line(cells(request)));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Dismissal dismissal : inbox.dismissals()) {
      out.write(SpreadsheetCsv.line(cells(dismissal)));
    }
  }

  private List<String> cells(Dismissal dismissal) {
    LocalDate received = calendar.receiptDate(dismissal.receivedAt());
    LocalDate dismissed = calendar.receiptDate(dismissal.dismissedAt());
    return List.of(dismissal.reference(), "", "EMAIL",
        dismissal.receivedAt().atZone(calendar.zone()).format(LOCAL_TIME), "", "", dismissed.toString(),
        NOT_A_REQUEST, Long.toString(ChronoUnit.DAYS.between(received, dismissed)));
  }

  /** Receipt in Copenhagen time; answered on the day the request was closed; days counted from the receipt date. */
  private List<String> cells(Requests.Registered request) {
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
        request.outcome() == null || request.status() != RequestStatus.CLOSED ? "" : request.outcome().name(),
        answered == null ? "" : Long.toString(ChronoUnit.DAYS.between(received, answered)));
  }
}
