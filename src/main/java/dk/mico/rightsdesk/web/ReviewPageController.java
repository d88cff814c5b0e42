package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.fulfilment.RecipientNotices;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestType;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officer's legal-basis review of one request, linked from its Tasklist task: every proposal of the decision
 * tables with the article behind it, confirmed or overridden per row (an override needs a written justification,
 * kept with the request), and the recipients that cannot be told (Art 19) with the reason. Officers only.
 */
@Controller
class ReviewPageController {

  private final RequestLifecycle lifecycle;
  private final LegalBasisReview review;
  private final RecipientNotices notices;
  private final MessageSource messages;

  ReviewPageController(RequestLifecycle lifecycle, LegalBasisReview review, RecipientNotices notices,
      MessageSource messages) {
    this.lifecycle = lifecycle;
    this.review = review;
    this.notices = notices;
    this.messages = messages;
  }

  @GetMapping("/officer/review/{reference}")
  String show(@PathVariable String reference, @RequestParam(required = false) String saved, Model model) {
    return page(reference, model, Map.of(), saved != null);
  }

  @PostMapping("/officer/review/{reference}")
  String save(@PathVariable String reference, @RequestParam Map<String, String> form, Principal officer,
      Model model) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (review.reviewFinished(reference)) {
      model.addAttribute("form", form);
      return page(reference, model, Map.of("review", "is finished; nothing was saved"), false);
    }
    Map<Long, String> decisions = new LinkedHashMap<>();
    Map<Long, String> justifications = new HashMap<>();
    for (Proposal p : review.proposals(reference)) {
      String decision = blankToNull(form.get("decision-" + p.id()));
      String justification = blankToNull(form.get("justification-" + p.id()));
      if (decision != null && (!decision.equals(p.decision()) || !same(justification, p.justification()))) {
        decisions.put(p.id(), decision);
        justifications.put(p.id(), justification);
      }
    }
    Map<String, String> errors = new LinkedHashMap<>();
    try {
      review.decideAll(reference, decisions, justifications, officer.getName());
      for (var recipient : notices.recipientsOf(systems(reference))) {
        String reason = blankToNull(form.get("notice-" + recipient.id()));
        if (reason != null) {
          notices.recordNotSent(reference, recipient.id(), noticeAction(request.type()), reason, officer.getName());
        }
      }
    } catch (InvalidRequestException e) {
      e.violations().forEach(v -> errors.put(v.field(), v.message()));
      model.addAttribute("form", form);
      return page(reference, model, errors, false);
    }
    return "redirect:/officer/review/" + reference + "?saved";
  }

  private String page(String reference, Model model, Map<String, String> errors, boolean saved) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<Proposal> proposals = review.proposals(reference);
    model.addAttribute("request", request);
    model.addAttribute("proposals", proposals);
    // the officer's page is in English, whatever the browser asks for
    Map<String, String> reasons = new HashMap<>();
    proposals.forEach(p -> reasons.put(p.reasonCode(),
        messages.getMessage("review.reason." + p.reasonCode(), null, p.reasonCode(), Locale.ENGLISH)));
    model.addAttribute("reasons", reasons);
    model.addAttribute("decisions", LegalBasisReview.decisions(request.type()));
    model.addAttribute("recipients", notices.recipientsOf(systems(reference)));
    model.addAttribute("notices", notices.notices(reference));
    model.addAttribute("errors", errors);
    model.addAttribute("saved", saved);
    model.addAttribute("finished", review.reviewFinished(reference));
    model.addAttribute("undecided", proposals.stream().filter(p -> !p.decided()).count());
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    return "review/review";
  }

  private List<String> systems(String reference) {
    return review.proposals(reference).stream().map(Proposal::system).distinct().toList();
  }

  private static String noticeAction(RequestType type) {
    // a general objection stops processing by restricting the records
    return type == RequestType.ERASURE ? "ERASED" : "RESTRICTED";
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
