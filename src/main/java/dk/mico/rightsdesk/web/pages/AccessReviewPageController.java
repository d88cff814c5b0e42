package dk.mico.rightsdesk.web.pages;

import dk.mico.rightsdesk.access.AccessReview;
import dk.mico.rightsdesk.request.UnknownRequestException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officer's review page of an access or portability report, linked from the Tasklist task "Review the report":
 * the report as it would go, what each system returned, the passages to withhold and the name-only matches to
 * release. Officers only (Spring Security; a Tasklist session counts); the decision itself is made in Tasklist.
 */
@Controller
class AccessReviewPageController {

  private final AccessReview review;

  AccessReviewPageController(AccessReview review) {
    this.review = review;
  }

  @GetMapping("/officer/access/{reference}")
  String show(@PathVariable String reference, Model model) {
    model.addAttribute("draft", review.draft(reference));
    return "officer/access-review";
  }

  @PostMapping("/officer/access/{reference}")
  String save(@PathVariable String reference, @RequestParam(name = "redact", required = false) List<Long> redact,
      @RequestParam(name = "release", required = false) List<Long> release, RedirectAttributes redirect) {
    review.saveChoices(reference, redact == null ? List.of() : redact, release == null ? List.of() : release);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/officer/access/" + reference;
  }

  @ExceptionHandler(IllegalStateException.class)
  @ResponseStatus(HttpStatus.CONFLICT)
  String decidedAlready(IllegalStateException e, Model model) {
    model.addAttribute("problem", e.getMessage());
    return "officer/access-review-problem";
  }

  @ExceptionHandler({UnknownRequestException.class, IllegalArgumentException.class})
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String noReport(RuntimeException e, Model model) {
    model.addAttribute("problem", "There is no access or portability report with this reference.");
    return "officer/access-review-problem";
  }
}
