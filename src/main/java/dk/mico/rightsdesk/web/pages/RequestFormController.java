package dk.mico.rightsdesk.web.pages;

import dk.mico.rightsdesk.request.EmailAddressSyntax;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.NewRequest;
import dk.mico.rightsdesk.request.ObjectionScope;
import dk.mico.rightsdesk.request.RequestIntake;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.request.SubmissionReceipts;
import dk.mico.rightsdesk.request.TextRules;
import dk.mico.rightsdesk.system.security.ExpiredPageForms;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.web.IntakeRateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public request form at "/", in Danish or English; a plain HTML form that needs no JavaScript. */
@Controller
class RequestFormController {

  /** What the subject typed, kept to show the form again with the errors. */
  static class FormInput {
    /** One or more rights: a submission naming several becomes one linked request per right. */
    private List<String> type = new ArrayList<>();
    private String objectionScope;
    /** The consents a withdrawal of consent withdraws; none ticked: every consent. */
    private List<String> consents = new ArrayList<>();
    private String name;
    private String email;
    private String phone;
    private String details;

    public List<String> getType() { return type; }
    public void setType(List<String> type) { this.type = type == null ? new ArrayList<>() : type; }
    public String getObjectionScope() { return objectionScope; }
    public void setObjectionScope(String objectionScope) { this.objectionScope = objectionScope; }
    public List<String> getConsents() { return consents; }
    public void setConsents(List<String> consents) { this.consents = consents == null ? new ArrayList<>() : consents; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getDetails() { return details; }
    public void setDetails(String details) { this.details = details; }
  }

  private final RequestIntake intake;
  private final IntakeRateLimiter limiter;
  private final CompanySystems systems;
  private final SubmissionReceipts receipts;

  RequestFormController(RequestIntake intake, IntakeRateLimiter limiter, CompanySystems systems,
      SubmissionReceipts receipts) {
    this.intake = intake;
    this.receipts = receipts;
    this.limiter = limiter;
    this.systems = systems;
  }

  @GetMapping("/")
  String showForm(@RequestParam(required = false) String lang, Model model) {
    model.addAttribute("input", new FormInput());
    return form(model, lang, Map.of());
  }

  @PostMapping("/")
  String submit(@RequestParam(required = false) String lang, @ModelAttribute("input") FormInput input, Model model,
      HttpServletRequest http, HttpServletResponse response) {
    if (!limiter.admits(http.getRemoteAddr(), input.getEmail())) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      model.addAttribute("rateLimited", true);
      return form(model, lang, Map.of());
    }
    try {
      RequestIntake.FormSubmission submitted = intake.submitSeveralByPublic(submissions(input, lang(lang)));
      limiter.countAccepted(submitted.requests().get(0).subject().email());
      return "redirect:/submitted/" + submitted.receiptToken() + ("en".equals(lang(lang)) ? "?lang=en" : "");
    } catch (InvalidRequestException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      Map<String, String> errors = new LinkedHashMap<>();
      e.violations().forEach(v -> errors.putIfAbsent(v.field(), errorCode(v.message())));
      return form(model, lang, errors);
    }
  }

  /** The form sent from a page left open too long ({@link ExpiredPageForms}): shown again as typed, nothing sent. */
  @PostMapping(ExpiredPageForms.PATH + "/")
  String showAgain(@RequestParam(required = false) String lang, @ModelAttribute("input") FormInput input,
      Model model) {
    ExpiredPageNotice.TYPED_TEXT_KEPT.show(model);
    return form(model, lang, Map.of());
  }

  /**
   * The receipt page, found by its token rather than the session: a reload, the language switch or a visit after the
   * session expired shows the references still; an unknown or expired token leads to the form.
   */
  @GetMapping("/submitted/{token}")
  String submitted(@PathVariable String token, @RequestParam(required = false) String lang, Model model) {
    List<String> references = receipts.references(token);
    if (references.isEmpty()) {
      return "redirect:/" + ("en".equals(lang(lang)) ? "?lang=en" : "");
    }
    model.addAttribute("reference", references.get(0));
    model.addAttribute("references", references);
    model.addAttribute("lang", lang(lang));
    return "pages/submitted";
  }

  /**
   * One submission per chosen right (none chosen: one without a type, which validation reports). The objection's
   * scope goes with the objection; when no objection was chosen it goes with every right, so that validation refuses
   * it as before. The consents ticked go with the withdrawal of consent only.
   */
  private static List<NewRequest> submissions(FormInput input, String lang) {
    List<String> rights = input.getType().stream().filter(t -> t != null && !t.isBlank()).distinct().toList();
    if (rights.isEmpty()) {
      rights = Collections.singletonList(null);
    }
    boolean objectionChosen = rights.contains(RequestType.OBJECTION.name());
    return rights.stream()
        .map(right -> NewRequest.fromPublic(right,
            !objectionChosen || RequestType.OBJECTION.name().equals(right) ? input.getObjectionScope() : null,
            input.getName(), input.getEmail(), input.getPhone(), lang, input.getDetails(),
            RequestType.CONSENT_WITHDRAWAL.name().equals(right) ? input.getConsents() : null, null))
        .toList();
  }

  private String form(Model model, String lang, Map<String, String> errors) {
    model.addAttribute("lang", lang(lang));
    model.addAttribute("rights", RequestType.values());
    model.addAttribute("scopes", ObjectionScope.values());
    Locale locale = Locale.forLanguageTag(lang(lang));
    Map<String, String> consents = new LinkedHashMap<>();
    systems.consents().forEach(consent -> consents.put(consent.id(), consent.label(locale)));
    model.addAttribute("consents", consents);
    model.addAttribute("errors", errors);
    return "pages/form";
  }

  /** The kind of error, shown in the page's language; the API's problem documents carry the full English text. */
  private static String errorCode(String message) {
    if (message.startsWith("is required")) {
      return "required";
    }
    if (message.startsWith("is longer")) {
      return "toolong";
    }
    if (message.startsWith("applies only")) {
      return "notapplicable";
    }
    if (message.startsWith(TextRules.NOT_ONE_LINE)) {
      return "oneline";
    }
    if (message.startsWith(TextRules.HIDDEN_CHARACTERS)) {
      return "hiddencharacters";
    }
    if (message.startsWith(EmailAddressSyntax.NOT_ASCII)) {
      return "notascii";
    }
    return "invalid";
  }

  private static String lang(String lang) {
    return "en".equalsIgnoreCase(lang) ? "en" : "da";
  }
}
