package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.fulfilment.RestrictionLifts;
import dk.mico.rightsdesk.notification.LetterDraft;
import dk.mico.rightsdesk.notification.LetterKind;
import dk.mico.rightsdesk.notification.LetterPreview;
import dk.mico.rightsdesk.notification.OutcomeLetters;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.Language;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.UnknownRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officer's preview of a letter that carries the officer's own text (extension, refusal, fee, identity request,
 * unverifiable identity, lift notice), linked from every Tasklist form that feeds one: the whole letter as the
 * subject would get it, in the subject's language, with the text as typed. Nothing is stored or sent; the text comes
 * in the body of a POST, never in the address. Officers only. (The answer has its own preview before approval.)
 */
@Controller
class LetterPreviewPageController {

  /** The letters the page previews, as the officer's page names them. */
  static final Map<LetterKind, String> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(LetterKind.EXTENSION, "Extension of the deadline (Art 12(3))");
    KINDS.put(LetterKind.REFUSAL_EXCESSIVE, "Refusal under Art 12(5)");
    KINDS.put(LetterKind.FEE_ANNOUNCED, "Fee announced under Art 12(5)");
    KINDS.put(LetterKind.IDENTITY_INFORMATION_REQUEST, "Request for identity information (Art 12(6))");
    KINDS.put(LetterKind.UNVERIFIABLE, "Identity could not be verified (Art 12(4))");
    KINDS.put(LetterKind.RESTRICTION_LIFT_NOTICE, "Notice before a restriction is lifted (Art 18(3))");
  }

  private static final Set<String> ENGLISH_WORDS = Set.of("the", "and", "your", "you", "we", "is", "are", "will",
      "of", "have", "has", "not", "with", "this", "that", "data");
  private static final Set<String> DANISH_WORDS = Set.of("og", "det", "du", "vi", "er", "har", "ikke", "at", "din",
      "dine", "med", "til", "som", "en", "af", "oplysninger");

  private final RequestLifecycle lifecycle;
  private final OutcomeLetters outcomeLetters;
  private final RestrictionLifts lifts;

  LetterPreviewPageController(RequestLifecycle lifecycle, OutcomeLetters outcomeLetters, RestrictionLifts lifts) {
    this.lifecycle = lifecycle;
    this.outcomeLetters = outcomeLetters;
    this.lifts = lifts;
  }

  @GetMapping("/officer/letters/preview")
  String show(@RequestParam(required = false) String reference, @RequestParam(required = false) String kind,
      Model model) {
    model.addAttribute("form", Map.of("reference", reference == null ? "" : reference, "kind",
        kind == null ? "" : kind));
    return page(model, find(reference), null);
  }

  @PostMapping("/officer/letters/preview")
  String preview(@RequestParam Map<String, String> form, Model model) {
    model.addAttribute("form", form);
    DataSubjectRequest request = find(form.get("reference"));
    LetterKind kind = KINDS.keySet().stream().filter(k -> k.name().equals(form.get("kind"))).findFirst()
        .orElse(null);
    if (request == null || kind == null) {
      model.addAttribute("error", request == null ? "There is no request with that reference."
          : "Choose the letter to preview.");
      return page(model, request, null);
    }
    String text = form.getOrDefault("text", "");
    LetterPreview letter = kind == LetterKind.RESTRICTION_LIFT_NOTICE
        ? lifts.previewNotice(request.reference(), text)
        : outcomeLetters.draft(request.reference(), kind, new LetterDraft(text, form.get("ground"),
            amount(form.get("feeAmount")), form.get("extensionReasonCode")));
    model.addAttribute("languageWarning", looksWrittenInTheOtherLanguage(request.language(), text));
    return page(model, request, letter);
  }

  private String page(Model model, DataSubjectRequest request, LetterPreview letter) {
    model.addAttribute("request", request);
    model.addAttribute("kinds", KINDS);
    model.addAttribute("letter", letter);
    model.addAttribute("letterLanguage", request == null ? null : request.language().staffName());
    return "officer/letter-preview";
  }

  /**
   * A simple guard: text typed for a Danish letter that reads as English, or the other way round. It only warns; the
   * officer decides.
   */
  static boolean looksWrittenInTheOtherLanguage(Language language, String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
    long english = Arrays.stream(words).filter(ENGLISH_WORDS::contains).count();
    long danish = Arrays.stream(words).filter(DANISH_WORDS::contains).count();
    return language == Language.da ? english >= 2 && english > danish : danish >= 2 && danish > english;
  }

  private DataSubjectRequest find(String reference) {
    if (reference == null || reference.isBlank()) {
      return null;
    }
    try {
      return lifecycle.get(reference.strip());
    } catch (UnknownRequestException e) {
      return null;
    }
  }

  private static Integer amount(String value) {
    try {
      return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
