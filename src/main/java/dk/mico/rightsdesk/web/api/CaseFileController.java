package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.notification.ControllerProperties;
import dk.mico.rightsdesk.recordkeeping.CaseFiles;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A request's case file as a printable HTML document for the officer to hand to Datatilsynet (print it, or save it as
 * PDF from the browser). It holds personal data, so only officers get it.
 */
@Controller
class CaseFileController {

  private final CaseFiles caseFiles;
  private final LegalCalendar calendar;
  private final ControllerProperties controller;

  CaseFileController(CaseFiles caseFiles, LegalCalendar calendar, ControllerProperties controller) {
    this.caseFiles = caseFiles;
    this.calendar = calendar;
    this.controller = controller;
  }

  @GetMapping("/api/officer/requests/{reference}/case-file")
  String caseFile(@PathVariable String reference, Authentication officer, Model model) {
    model.addAttribute("file", caseFiles.of(reference));
    model.addAttribute("zone", calendar.zone());
    model.addAttribute("controller", controller);
    model.addAttribute("compiledBy", officer.getName());
    return "recordkeeping/case-file";
  }
}
