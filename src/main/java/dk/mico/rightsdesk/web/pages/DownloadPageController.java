package dk.mico.rightsdesk.web.pages;

import dk.mico.rightsdesk.access.Deliveries;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.access.Deliveries.CodeResult;
import dk.mico.rightsdesk.access.Deliveries.FileContent;
import dk.mico.rightsdesk.access.Deliveries.LinkState;
import dk.mico.rightsdesk.access.Deliveries.OpenedLink;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.system.security.ExpiredPageForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The download page of an access or portability answer: found by the secret link of the answer letter, opened by
 * the code of the second letter (for this browser session only). A file asked for once the session has expired (the
 * page left open) leads back to the page, which says in the subject's language to enter the code again. An unknown,
 * guessed or expired link and a locked one get a page that says so and shows no data.
 */
@Controller
class DownloadPageController {

  private static final String UNLOCKED = DownloadPageController.class.getName() + ".unlocked.";

  private final Deliveries deliveries;
  private final LegalCalendar calendar;

  DownloadPageController(Deliveries deliveries, LegalCalendar calendar) {
    this.deliveries = deliveries;
    this.calendar = calendar;
  }

  @GetMapping("/download/{token}")
  String show(@PathVariable String token, @RequestParam(required = false) String codeAgain, HttpServletRequest http,
      HttpServletResponse response, Model model) {
    OpenedLink link = deliveries.open(token);
    if (link.state() != LinkState.VALID) {
      return refused(link, http, response, model);
    }
    PageLanguage.speak(http, link.language());
    model.addAttribute("token", token);
    model.addAttribute("expiresAt",
        Wording.dateTime(link.expiresAt().atZone(calendar.zone()), link.language().locale()));
    if (unlocked(http.getSession(false), link)) {
      model.addAttribute("files", deliveries.files(link.deliveryId()));
    } else {
      model.addAttribute("codeAgain", codeAgain != null);
    }
    return "pages/download";
  }

  @PostMapping("/download/{token}")
  String enterCode(@PathVariable String token, @RequestParam(required = false) String code, HttpServletRequest http,
      HttpServletResponse response, Model model) {
    CodeResult result = deliveries.checkCode(token, code);
    OpenedLink link = deliveries.open(token);
    if (result == CodeResult.ACCEPTED) {
      http.getSession(true);
      http.changeSessionId(); // a session that existed before the code does not carry over
      http.getSession().setAttribute(UNLOCKED + link.deliveryId(), Boolean.TRUE);
      return "redirect:/download/" + token;
    }
    if (result == CodeResult.WRONG || result == CodeResult.NOT_SENT_YET) {
      PageLanguage.speak(http, link.language());
      boolean wrong = result == CodeResult.WRONG;
      response.setStatus(wrong ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
      model.addAttribute("token", token);
      model.addAttribute("expiresAt",
        Wording.dateTime(link.expiresAt().atZone(calendar.zone()), link.language().locale()));
      model.addAttribute(wrong ? "wrongCode" : "codeNotSentYet", true);
      return "pages/download";
    }
    return refused(link, http, response, model);
  }

  /** The code sent from a page left open too long ({@link ExpiredPageForms}): shown again as typed, not checked. */
  @PostMapping(ExpiredPageForms.PATH + "/download/{token}")
  String showCodeAgain(@PathVariable String token, @RequestParam(required = false) String code,
      HttpServletRequest http, HttpServletResponse response, Model model) {
    if (deliveries.open(token).state() == LinkState.VALID) {
      ExpiredPageNotice.TYPED_TEXT_KEPT.show(model);
      model.addAttribute("code", code);
    }
    return show(token, null, http, response, model);
  }

  @GetMapping("/download/{token}/files/{fileId}")
  ResponseEntity<byte[]> file(@PathVariable String token, @PathVariable long fileId, HttpServletRequest http) {
    OpenedLink link = deliveries.open(token);
    if (link.state() != LinkState.VALID) {
      return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/download/" + token).build();
    }
    if (!unlocked(http.getSession(false), link)) {
      // the page was left open past the session (or the link opened elsewhere): the code opens it again
      return ResponseEntity.status(HttpStatus.SEE_OTHER)
          .header(HttpHeaders.LOCATION, "/download/" + token + "?codeAgain").build();
    }
    Optional<FileContent> file = deliveries.download(link.deliveryId(), fileId);
    if (file.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.get().mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file.get().name()).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(file.get().content());
  }

  private String refused(OpenedLink link, HttpServletRequest http, HttpServletResponse response, Model model) {
    switch (link.state()) {
      case LOCKED -> {
        PageLanguage.speak(http, link.language());
        response.setStatus(423);
        model.addAttribute("locked",
            Wording.dateTime(link.lockedUntil().atZone(calendar.zone()), link.language().locale()));
        return "pages/download";
      }
      case EXPIRED -> {
        PageLanguage.speak(http, link.language());
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("headingKey", "download.expired.heading");
        model.addAttribute("textKey", "download.expired.text");
      }
      default -> {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("headingKey", "download.unknown.heading");
        model.addAttribute("textKey", "download.unknown.text");
      }
    }
    return "pages/message";
  }

  private static boolean unlocked(HttpSession session, OpenedLink link) {
    return session != null && Boolean.TRUE.equals(session.getAttribute(UNLOCKED + link.deliveryId()));
  }
}
