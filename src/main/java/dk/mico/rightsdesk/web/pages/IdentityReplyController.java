package dk.mico.rightsdesk.web.pages;

import dk.mico.rightsdesk.notification.ControllerProperties;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.IdentityInformationRequest;
import dk.mico.rightsdesk.request.RequestDeadlines;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.system.security.ExpiredPageForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a subject reaches from our request for more identity information: it shows what we asked for and takes
 * the answer, which resumes the clock and sends the request back to the officer's identity check. Found by a secret
 * token that works until the answer is given; a wrong token reveals nothing.
 */
@Controller
class IdentityReplyController {

  private final RequestDeadlines deadlines;
  private final RequestLifecycle lifecycle;
  private final ControllerProperties controller;

  IdentityReplyController(RequestDeadlines deadlines, RequestLifecycle lifecycle, ControllerProperties controller) {
    this.deadlines = deadlines;
    this.lifecycle = lifecycle;
    this.controller = controller;
  }

  @GetMapping("/identity-reply/{token}")
  String show(@PathVariable String token, HttpServletRequest http, HttpServletResponse response, Model model) {
    Optional<IdentityInformationRequest> asked = deadlines.findByReplyToken(token);
    if (asked.isEmpty()) {
      return invalid(response, model);
    }
    return form(asked.get(), token, false, http, model);
  }

  @PostMapping("/identity-reply/{token}")
  String reply(@PathVariable String token, @RequestParam(required = false) String reply, HttpServletRequest http,
      HttpServletResponse response, Model model) {
    Optional<IdentityInformationRequest> asked = deadlines.findByReplyToken(token);
    if (asked.isEmpty()) {
      return invalid(response, model);
    }
    if (reply == null || reply.isBlank()) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return form(asked.get(), token, true, http, model);
    }
    DataSubjectRequest request = lifecycle.findById(asked.get().requestId()).orElseThrow();
    if (!deadlines.replyFromSubject(token, reply.length() > 4000 ? reply.substring(0, 4000) : reply)) {
      return invalid(response, model);
    }
    PageLanguage.speak(http, request.language());
    model.addAttribute("headingKey", "deadlines.reply.thanks.heading");
    model.addAttribute("textKey", "deadlines.reply.thanks.text");
    model.addAttribute("textArgument", request.reference());
    return "pages/identity-reply-done";
  }

  /** The answer sent from a page left open too long ({@link ExpiredPageForms}): shown again as typed, not sent. */
  @PostMapping(ExpiredPageForms.PATH + "/identity-reply/{token}")
  String showReplyAgain(@PathVariable String token, @RequestParam(required = false) String reply,
      HttpServletRequest http, HttpServletResponse response, Model model) {
    Optional<IdentityInformationRequest> asked = deadlines.findByReplyToken(token);
    if (asked.isEmpty()) {
      return invalid(response, model);
    }
    ExpiredPageNotice.TYPED_TEXT_KEPT.show(model);
    model.addAttribute("reply", reply);
    return form(asked.get(), token, false, http, model);
  }

  private String form(IdentityInformationRequest asked, String token, boolean missing, HttpServletRequest http,
      Model model) {
    DataSubjectRequest request = lifecycle.findById(asked.requestId()).orElseThrow();
    PageLanguage.speak(http, request.language());
    model.addAttribute("reference", request.reference());
    model.addAttribute("whatIsNeeded", asked.whatIsNeeded());
    model.addAttribute("token", token);
    model.addAttribute("missing", missing);
    return "pages/identity-reply";
  }

  private String invalid(HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("headingKey", "deadlines.reply.invalid.heading");
    model.addAttribute("textKey", "deadlines.reply.invalid.text");
    model.addAttribute("textArgument", controller.gdprEmail());
    return "pages/identity-reply-done";
  }
}
