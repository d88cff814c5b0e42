package dk.mico.rightsdesk.web.pages;

import dk.mico.rightsdesk.access.AccessReview;
import dk.mico.rightsdesk.access.Deliveries;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.UnknownRequestException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * release; and the files to print for an answer that goes by post. Officers only (Spring Security; a Tasklist session
 * counts); the decision itself is made in Tasklist.
 */
@Controller
class AccessReviewPageController {

  private final AccessReview review;
  private final Deliveries deliveries;

  AccessReviewPageController(AccessReview review, Deliveries deliveries) {
    this.review = review;
    this.deliveries = deliveries;
  }

  @GetMapping("/officer/access/{reference}")
  String show(@PathVariable String reference, Model model) {
    model.addAttribute("draft", review.draft(reference));
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "officer/access-review";
  }

  @PostMapping("/officer/access/{reference}")
  String save(@PathVariable String reference, @RequestParam(name = "redact", required = false) List<Long> redact,
      @RequestParam(name = "release", required = false) List<Long> release,
      @RequestParam(name = "releaseNote", required = false) String releaseNote, Principal officer, Model model,
      RedirectAttributes redirect) {
    try {
      review.saveChoices(reference, redact == null ? List.of() : redact, release == null ? List.of() : release,
          releaseNote, officer.getName());
    } catch (InvalidRequestException e) {
      Map<String, String> errors = new LinkedHashMap<>();
      e.violations().forEach(v -> errors.put(v.field(), v.message()));
      model.addAttribute("errors", errors);
      return show(reference, model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/officer/access/" + reference;
  }

  /** The files of an answer that goes on paper, linked from the task "Post the closing letter". */
  @GetMapping("/officer/access/{reference}/paper")
  String paper(@PathVariable String reference, Model model) {
    model.addAttribute("reference", reference);
    model.addAttribute("files", deliveries.paperFiles(reference));
    return "officer/access-paper";
  }

  @GetMapping("/officer/access/{reference}/paper/{fileId}")
  ResponseEntity<byte[]> paperFile(@PathVariable String reference, @PathVariable long fileId) {
    return file(deliveries.paperFile(reference, fileId));
  }

  private static ResponseEntity<byte[]> file(Optional<Deliveries.FileContent> content) {
    return content
        .map(file -> ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(file.mediaType()))
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(file.name()).build().toString())
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(file.content()))
        .orElseGet(() -> ResponseEntity.notFound().build());
  }

  /** The files to send to the controller a portability request named, linked from the task that asks for it. */
  @GetMapping("/officer/access/{reference}/send")
  String filesToSend(@PathVariable String reference, Model model) {
    model.addAttribute("reference", reference);
    model.addAttribute("files", deliveries.filesToSend(reference));
    return "officer/access-send";
  }

  @GetMapping("/officer/access/{reference}/send/{fileId}")
  ResponseEntity<byte[]> fileToSend(@PathVariable String reference, @PathVariable long fileId) {
    return file(deliveries.fileToSend(reference, fileId));
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
