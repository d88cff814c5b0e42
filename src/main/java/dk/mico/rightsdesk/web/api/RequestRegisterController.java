package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.recordkeeping.RequestRegister;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The register of every request as a CSV file for a spreadsheet: for managers and officers, no personal data. */
@RestController
class RequestRegisterController {

  private final RequestRegister register;
  private final LegalCalendar calendar;
  private final Clock clock;

  RequestRegisterController(RequestRegister register, LegalCalendar calendar, Clock clock) {
    this.register = register;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Operation(summary = "Every request as CSV: reference, right, channel, received, due, extended, answered, outcome,"
      + " days taken; then one line per e-mail to the GDPR mailbox found to be no request (outcome NOT_A_REQUEST);"
      + " every cell quoted and none read as a formula by a spreadsheet")
  @GetMapping("/api/officer/requests/export.csv")
  void export(HttpServletResponse response) throws IOException {
    String name = "rights-desk-requests-" + calendar.receiptDate(clock.instant()) + ".csv";
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
    register.writeCsv(response.getWriter());
  }
}
