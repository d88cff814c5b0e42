package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.notification.ControllerProperties;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.recordkeeping.ProcedurePdf;
import dk.mico.rightsdesk.recordkeeping.ProcessModels;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The documented procedure (what an inspector asks for first): every process, its steps in order with who takes them,
 * the timers that govern them and what each is for, drawn from the deployed models. For staff; it holds no
 * subject's data. The same as a PDF file for an inspector's file.
 */
@Controller
class ProcedurePageController {

  private final ProcessModels models;
  private final LegalCalendar calendar;
  private final Clock clock;
  private final ProcedurePdf pdf;
  private final ControllerProperties controller;

  ProcedurePageController(ProcessModels models, LegalCalendar calendar, Clock clock, ProcedurePdf pdf,
      ControllerProperties controller) {
    this.models = models;
    this.calendar = calendar;
    this.clock = clock;
    this.pdf = pdf;
    this.controller = controller;
  }

  @GetMapping("/procedure")
  String page(Model model) {
    model.addAttribute("procedure", models.procedure());
    model.addAttribute("compiledOn", compiledOn());
    return "recordkeeping/procedure";
  }

  @GetMapping("/procedure.pdf")
  ResponseEntity<byte[]> pdf() {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("procedure-" + calendar.receiptDate(clock.instant()) + ".pdf").build().toString())
        .body(pdf.render(models.procedure(), compiledOn(), controller.name()));
  }

  private String compiledOn() {
    return Wording.date(calendar.receiptDate(clock.instant()), Locale.ENGLISH);
  }
}
