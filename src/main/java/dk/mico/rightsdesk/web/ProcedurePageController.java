package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.recordkeeping.ProcessModels;
import java.time.Clock;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The documented procedure (what an inspector asks for first): every process, its steps in order with who takes them,
 * the timers that govern them and what each is for, drawn from the deployed models. For staff; it holds no
 * subject's data. Print it, or save it as PDF from the browser.
 */
@Controller
class ProcedurePageController {

  private final ProcessModels models;
  private final LegalCalendar calendar;
  private final Clock clock;

  ProcedurePageController(ProcessModels models, LegalCalendar calendar, Clock clock) {
    this.models = models;
    this.calendar = calendar;
    this.clock = clock;
  }

  @GetMapping("/procedure")
  String page(Model model) {
    model.addAttribute("procedure", models.procedure());
    model.addAttribute("compiledOn", Wording.date(calendar.receiptDate(clock.instant()), Locale.ENGLISH));
    return "recordkeeping/procedure";
  }
}
