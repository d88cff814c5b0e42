package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.recordkeeping.ProcessingRecords;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The record of processing activities (Art 30) as a printable page, JSON and CSV, in Danish ({@code lang=da}, the
 * default) or English ({@code lang=en}). It holds no subject's data, so managers get it as officers do.
 */
@Controller
class RecordsOfProcessingController {

  private final ProcessingRecords records;
  private final LegalCalendar calendar;
  private final Clock clock;

  RecordsOfProcessingController(ProcessingRecords records, LegalCalendar calendar, Clock clock) {
    this.records = records;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Operation(summary = "The record of processing activities (Art 30(1) and 30(2)), generated from the system"
      + " declarations; lang=da (default) or en")
  @GetMapping(path = "/api/officer/records-of-processing", produces = "application/json")
  @ResponseBody
  ProcessingRecords.Record json(@RequestParam(defaultValue = "da") String lang) {
    return records.record(locale(lang));
  }

  @Operation(summary = "The record of processing activities as CSV for a spreadsheet; lang=da (default) or en")
  @GetMapping("/api/officer/records-of-processing.csv")
  void csv(@RequestParam(defaultValue = "da") String lang, HttpServletResponse response) throws IOException {
    Locale locale = locale(lang);
    String name = "records-of-processing-" + locale.getLanguage() + "-" + calendar.receiptDate(clock.instant())
        + ".csv";
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString());
    records.writeCsv(locale, response.getWriter());
  }

  /** The printable page (print it, or save it as PDF from the browser). */
  @GetMapping("/officer/records-of-processing")
  String page(@RequestParam(defaultValue = "da") String lang, Model model) {
    Locale locale = locale(lang);
    model.addAttribute("record", records.record(locale));
    model.addAttribute("compiledOn", Wording.date(calendar.receiptDate(clock.instant()), locale));
    model.addAttribute("otherLanguage", "en".equals(locale.getLanguage()) ? "da" : "en");
    return "recordkeeping/records-of-processing";
  }

  private static Locale locale(String lang) {
    return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.forLanguageTag("da");
  }
}
