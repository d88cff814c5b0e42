package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.fulfilment.RecipientNotices;
import dk.mico.rightsdesk.fulfilment.RequestFindings;
import dk.mico.rightsdesk.fulfilment.RequestFindings.Candidate;
import dk.mico.rightsdesk.fulfilment.SubjectIdentifiers;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestType;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officer's legal-basis review of one request, linked from its Tasklist task: the candidates (records found by
 * the name or another identifier that proves nothing), each confirmed with a note or rejected, and identifiers to add
 * and search again with; every proposal of the decision
 * tables with the article behind it, confirmed or overridden per row (an override needs a written justification,
 * kept with the request), and the recipients that cannot be told (Art 19) with the reason. Officers only.
 */
@Controller
class ReviewPageController {

  private final RequestLifecycle lifecycle;
  private final LegalBasisReview review;
  private final Discovery discovery;
  private final SubjectIdentifiers identifiers;
  private final RecipientNotices notices;
  private final MessageSource messages;
  private final TransactionTemplate transaction;

  ReviewPageController(RequestLifecycle lifecycle, LegalBasisReview review, Discovery discovery,
      SubjectIdentifiers identifiers, RecipientNotices notices, MessageSource messages,
      PlatformTransactionManager transactions) {
    this.lifecycle = lifecycle;
    this.review = review;
    this.discovery = discovery;
    this.identifiers = identifiers;
    this.notices = notices;
    this.messages = messages;
    this.transaction = new TransactionTemplate(transactions);
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
    Map<Long, LocalDate> reviewDates = new HashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (Proposal p : review.proposals(reference)) {
      String decision = blankToNull(form.get("decision-" + p.id()));
      String justification = blankToNull(form.get("justification-" + p.id()));
      String reviewOn = blankToNull(form.get("review-on-" + p.id()));
      LocalDate reviewDate = reviewOn == null ? null : date(reviewOn);
      if (reviewOn != null && reviewDate == null) {
        errors.put("review-on-" + p.id(), "is not a date (yyyy-mm-dd)");
      }
      if (decision != null && (!decision.equals(p.decision()) || !same(justification, p.justification())
          || (reviewDate != null && !reviewDate.equals(p.reviewOn())))) {
        decisions.put(p.id(), decision);
        justifications.put(p.id(), justification);
        if (reviewDate != null) {
          reviewDates.put(p.id(), reviewDate);
        }
      }
    }
    if (!errors.isEmpty()) {
      model.addAttribute("form", form);
      return page(reference, model, errors, false);
    }
    Map<Long, String> candidateDecisions = new LinkedHashMap<>();
    Map<Long, String> candidateNotes = new HashMap<>();
    for (Candidate c : discovery.candidates(reference)) {
      String decision = blankToNull(form.get("candidate-" + c.id()));
      String note = blankToNull(form.get("candidate-note-" + c.id()));
      if (decision != null && (!decision.equals(c.decision()) || !same(note, c.note()))) {
        candidateDecisions.put(c.id(), decision);
        candidateNotes.put(c.id(), note);
      }
    }
    try {
      // all or nothing: a bad row anywhere saves none of the page's decisions
      transaction.executeWithoutResult(status -> {
        discovery.decideCandidates(reference, candidateDecisions, candidateNotes, officer.getName());
        review.decideAll(reference, decisions, justifications, reviewDates, officer.getName());
        if (candidateDecisions.containsValue(RequestFindings.CONFIRMED) && hasProposals(request.type())) {
          review.propose(reference); // the confirmed records get their proposals
        }
        for (var recipient : notices.recipientsOfPerson(reference)) {
          String reason = blankToNull(form.get("notice-" + recipient.id()));
          if (reason != null) {
            notices.recordNotSent(reference, recipient.id(), noticeAction(request.type()), reason,
                officer.getName());
          }
        }
      });
    } catch (InvalidRequestException e) {
      e.violations().forEach(v -> errors.put(v.field(), v.message()));
      model.addAttribute("form", form);
      return page(reference, model, errors, false);
    }
    return "redirect:/officer/review/" + reference + "?saved";
  }

  /** Where a login brings back an officer whose session had ended when they added an identifier: the page. */
  @GetMapping("/officer/review/{reference}/identifiers")
  String backToPage(@PathVariable String reference) {
    return "redirect:/officer/review/" + reference;
  }

  /**
   * An identifier the officer has for the subject (a phone number, a postal address, a company): the systems are
   * searched again, and what it finds is a candidate on this page.
   */
  @PostMapping("/officer/review/{reference}/identifiers")
  String addIdentifier(@PathVariable String reference, @RequestParam Map<String, String> form, Principal officer,
      Model model) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (review.reviewFinished(reference)) {
      return page(reference, model, Map.of("identifierValue", "the review is finished; nothing was added"), false);
    }
    try {
      transaction.executeWithoutResult(status -> {
        identifiers.add(reference, form.get("identifierKind"), form.get("identifierValue"), officer.getName());
        discovery.rediscover(reference);
        if (hasProposals(request.type())) {
          review.propose(reference);
        }
      });
    } catch (InvalidRequestException e) {
      Map<String, String> errors = new LinkedHashMap<>();
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
    List<Candidate> candidates = discovery.candidates(reference);
    model.addAttribute("candidates", candidates);
    model.addAttribute("undecidedCandidates", candidates.stream().filter(c -> !c.decided()).count());
    model.addAttribute("identifierKinds", identifiers.kinds());
    model.addAttribute("addedIdentifiers", identifiers.added(request.id()));
    // the officer's page is in English, whatever the browser asks for
    Map<String, String> reasons = new HashMap<>();
    proposals.forEach(p -> reasons.put(p.reasonCode(),
        messages.getMessage("review.reason." + p.reasonCode(), null, p.reasonCode(), Locale.ENGLISH)));
    model.addAttribute("reasons", reasons);
    model.addAttribute("decisions", LegalBasisReview.decisions(request.type()));
    model.addAttribute("recipients", notices.recipientsOfPerson(reference));
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

  private static boolean hasProposals(RequestType type) {
    return !LegalBasisReview.decisions(type).isEmpty();
  }

  private static String noticeAction(RequestType type) {
    // a general objection stops processing by restricting the records
    return type == RequestType.ERASURE ? "ERASED" : "RESTRICTED";
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static boolean same(String a, String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
