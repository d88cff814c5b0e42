package dk.mico.rightsdesk.web.pages;

import dk.mico.rightsdesk.identity.EmailConfirmations;
import dk.mico.rightsdesk.identity.EmailConfirmations.LinkState;
import dk.mico.rightsdesk.identity.EmailConfirmations.OpenedLink;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.system.security.ExpiredPageForms;
import dk.mico.rightsdesk.web.IntakeRateLimiter;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages a subject reaches from the e-mails: the confirmation link (a page with a button, since mail scanners
 * open links) and the status page of a request. Both are found by a secret token; a wrong token shows a page that
 * says so and reveals nothing.
 */
@Controller
class SubjectPagesController {

  private final EmailConfirmations confirmations;
  private final RequestLifecycle lifecycle;
  private final IntakeRateLimiter limiter;

  SubjectPagesController(EmailConfirmations confirmations, RequestLifecycle lifecycle, IntakeRateLimiter limiter) {
    this.confirmations = confirmations;
    this.lifecycle = lifecycle;
    this.limiter = limiter;
  }

  @GetMapping("/confirm/{token}")
  String showConfirmation(@PathVariable String token, HttpServletRequest http, HttpServletResponse response,
      Model model) {
    return confirmationPage(confirmations.open(token), false, http, response, model);
  }

  @PostMapping("/confirm/{token}")
  String confirm(@PathVariable String token, HttpServletRequest http, HttpServletResponse response, Model model) {
    OpenedLink link = confirmations.confirm(token);
    return confirmationPage(link, link.state() == LinkState.VALID, http, response, model);
  }

  /** The button pressed on a page left open too long ({@link ExpiredPageForms}): the page again, nothing done. */
  @PostMapping(ExpiredPageForms.PATH + "/confirm/{token}")
  String showConfirmationAgain(@PathVariable String token, HttpServletRequest http, HttpServletResponse response,
      Model model) {
    OpenedLink link = confirmations.open(token);
    if (link.state() == LinkState.VALID) {
      ExpiredPageNotice.PRESS_AGAIN.show(model);
    }
    return confirmationPage(link, false, http, response, model);
  }

  @GetMapping("/status/{token}")
  String status(@PathVariable String token, HttpServletRequest http, HttpServletResponse response, Model model) {
    Optional<DataSubjectRequest> request = lifecycle.findByStatusToken(token);
    if (request.isEmpty()) {
      return notFound(http, response, model);
    }
    PageLanguage.speak(http, request.get().language());
    model.addAttribute("request", request.get());
    model.addAttribute("token", token);
    return "pages/status";
  }

  @PostMapping("/status/{token}/withdraw")
  String withdraw(@PathVariable String token, @RequestParam(required = false) String confirmWithdrawal,
      HttpServletRequest http, HttpServletResponse response, Model model, RedirectAttributes redirect) {
    Optional<DataSubjectRequest> request = lifecycle.findByStatusToken(token);
    if (request.isEmpty()) {
      return notFound(http, response, model);
    }
    if (confirmWithdrawal == null) {
      redirect.addFlashAttribute("notice", "status.withdraw.confirmRequired");
    } else if (lifecycle.withdraw(request.get())) {
      redirect.addFlashAttribute("notice", "status.withdraw.done");
    }
    return "redirect:/status/" + token;
  }

  /** A status page's button pressed after it was left open too long: the page again, the box as it was ticked. */
  @PostMapping({ExpiredPageForms.PATH + "/status/{token}/withdraw", ExpiredPageForms.PATH + "/status/{token}/resend"})
  String showStatusAgain(@PathVariable String token, @RequestParam(required = false) String confirmWithdrawal,
      HttpServletRequest http, HttpServletResponse response, Model model) {
    if (lifecycle.findByStatusToken(token).isPresent()) {
      ExpiredPageNotice.PRESS_AGAIN.show(model);
      model.addAttribute("confirmWithdrawal", confirmWithdrawal != null);
    }
    return status(token, http, response, model);
  }

  @PostMapping("/status/{token}/resend")
  String resend(@PathVariable String token, HttpServletRequest http, HttpServletResponse response, Model model,
      RedirectAttributes redirect) {
    Optional<DataSubjectRequest> request = lifecycle.findByStatusToken(token);
    if (request.isEmpty()) {
      return notFound(http, response, model);
    }
    // the same limit as intake: a status page must not become a way to flood the address
    String email = request.get().subject().email();
    if (!limiter.admits(http.getRemoteAddr(), email)) {
      redirect.addFlashAttribute("notice", "status.resend.refused");
    } else if (lifecycle.requestConfirmationLink(request.get())) {
      limiter.countAccepted(email);
      redirect.addFlashAttribute("notice", "status.resend.done");
    }
    return "redirect:/status/" + token;
  }

  private String confirmationPage(OpenedLink link, boolean justConfirmed, HttpServletRequest http,
      HttpServletResponse response, Model model) {
    link.request().ifPresent(r -> PageLanguage.speak(http, r.language()));
    link.request().ifPresent(r -> model.addAttribute("request", r));
    String state = justConfirmed ? "done" : link.state().name().toLowerCase();
    if (link.state() == LinkState.UNKNOWN) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
    } else if (link.state() == LinkState.EXPIRED) {
      response.setStatus(HttpStatus.GONE.value());
    }
    model.addAttribute("state", state);
    return "pages/confirm";
  }

  private String notFound(HttpServletRequest http, HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("headingKey", "status.notfound.heading");
    model.addAttribute("textKey", "status.notfound.text");
    return "pages/message";
  }
}
