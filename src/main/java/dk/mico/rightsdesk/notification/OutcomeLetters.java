package dk.mico.rightsdesk.notification;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.CustomerControllers;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.IdentityInformationRequest;
import dk.mico.rightsdesk.request.RequestDeadlines;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.request.RequestOutcomes;
import dk.mico.rightsdesk.request.ExtensionReason;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters of the deadline watch and the Art 12 outcomes, each with what its template needs beyond the request:
 * the extension's reasons, what identity information is needed (with a reply link), the open request a duplicate
 * names, the fee, and the customer who is the controller.
 */
@Service
public class OutcomeLetters {

  private final SubjectLetters letters;
  private final RequestLifecycle lifecycle;
  private final RequestMarks marks;
  private final RequestDeadlines deadlines;
  private final CustomerControllers customers;
  private final RequestOutcomes outcomes;
  private final PublicUrl publicUrl;
  private final LegalCalendar calendar;

  OutcomeLetters(SubjectLetters letters, RequestLifecycle lifecycle, RequestMarks marks, RequestDeadlines deadlines,
      CustomerControllers customers, RequestOutcomes outcomes, PublicUrl publicUrl,
      LegalCalendar calendar) {
    this.outcomes = outcomes;
    this.letters = letters;
    this.lifecycle = lifecycle;
    this.marks = marks;
    this.deadlines = deadlines;
    this.customers = customers;
    this.publicUrl = publicUrl;
    this.calendar = calendar;
  }

  @Transactional
  public Letter send(String reference, LetterKind kind) {
    DataSubjectRequest request = lifecycle.get(reference);
    RequestMarks.Marks marked = marks.of(request.id());
    return switch (kind) {
      case EXTENSION -> letters.send(reference, kind, null, () -> Map.of(
          "extensionReasonCode", marked.extensionReasonCode().name(),
          "extensionReason", marked.extensionReason()));
      case DUPLICATE -> letters.send(reference, kind, null, () -> Map.of("duplicateOf", marked.duplicateOf(),
          "detailsCarried", outcomes.detailsCarriedToOpenRequest(reference)));
      case FEE_ANNOUNCED -> letters.send(reference, kind, null, () -> Map.of("feeAmount", marked.feeAnnounced(),
          "ground", marked.art12Ground().name(), "reason", request.answerReason()));
      case FORWARDED -> {
        CustomerControllers.Customer customer = customers.find(marked.forwardedTo()).orElseThrow();
        yield letters.send(reference, kind, null, () -> Map.of("customerName", customer.name(),
            "customerAddress", customer.address(), "customerEmail", customer.privacyEmail(),
            "forwardedInPart", marked.forwardedInPart()));
      }
      case REFUSAL_EXCESSIVE -> letters.send(reference, kind, null, () -> Map.of("ground",
          marked.art12Ground().name(), "reason", request.answerReason()));
      default -> throw new IllegalArgumentException(kind + " is not a letter of the Art 12 outcomes");
    };
  }

  /**
   * Sends the request for identity information, once per request for it, and starts the pause of the clock where the
   * rules allow; answers when the reply is due. A printed letter is only composed here: it goes out, and the clock
   * pauses, when the officer posts it ({@link #identityInformationRequestPosted}).
   */
  @Transactional
  public IdentityInformationRequest sendIdentityInformationRequest(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    IdentityInformationRequest asked = request.subject().reachableByEmail()
        ? deadlines.informationRequestSent(reference) : deadlines.informationRequestToPost(reference);
    letters.send(reference, LetterKind.IDENTITY_INFORMATION_REQUEST, String.valueOf(asked.id()), () -> {
      Map<String, Object> model = new HashMap<>();
      model.put("whatIsNeeded", asked.whatIsNeeded());
      model.put("replyDueDate", Wording.date(calendar.receiptDate(asked.replyDueAt()),
          request.language().locale()));
      model.put("clockPaused", asked.pausedTheClock());
      // an online answer needs an e-mail address to send the link to; a printed letter asks for a letter or a call
      model.put("replyLink", request.subject().reachableByEmail()
          ? new SecretLink(publicUrl.base() + "/identity-reply/" + deadlines.issueReplyToken(reference))
          : null);
      return model;
    });
    return asked;
  }

  /**
   * A letter that carries the officer's text, as it would go with the text as typed, before anything is decided: the
   * officer reads the whole letter, in the subject's language, first. Nothing is stored or sent.
   */
  @Transactional(readOnly = true)
  public LetterPreview draft(String reference, LetterKind kind, LetterDraft draft) {
    DataSubjectRequest request = lifecycle.get(reference);
    Locale locale = request.language().locale();
    Map<String, Object> model = new HashMap<>();
    switch (kind) {
      case EXTENSION -> {
        model.put("extensionReasonCode", choice(ExtensionReason.class, draft.extensionReasonCode(),
            ExtensionReason.COMPLEXITY).name());
        model.put("extensionReason", draft.text());
        model.put("dueDate", Wording.date(
            calendar.dueDate(request.receivedAt(), true, request.pausedDays()), locale));
      }
      case REFUSAL_EXCESSIVE, FEE_ANNOUNCED -> {
        model.put("ground", choice(RequestOutcomes.RefusalGround.class, draft.ground(),
            RequestOutcomes.RefusalGround.MANIFESTLY_UNFOUNDED).name());
        model.put("feeAmount", draft.feeAmount());
        model.put("reason", draft.text());
      }
      case IDENTITY_INFORMATION_REQUEST -> {
        RequestDeadlines.InformationTerms terms = deadlines.informationTermsIfSentNow(reference);
        model.put("whatIsNeeded", draft.text());
        model.put("replyDueDate", Wording.date(calendar.receiptDate(terms.replyDueAt()), locale));
        model.put("clockPaused", terms.pausesClock());
        model.put("replyLink", request.subject().reachableByEmail() ? SubjectLetters.LINK_NOT_KEPT : null);
      }
      case UNVERIFIABLE -> model.put("identityMissing", draft.text());
      default -> throw new IllegalArgumentException(kind + " is not drafted here");
    }
    return letters.preview(reference, kind, model);
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String value, E otherwise) {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    return otherwise;
  }

  /** The officer posted a printed letter; a request for identity information goes out then. */
  @Transactional
  public Optional<IdentityInformationRequest> letterPosted(long letterId, String officer) {
    Letter posted = letters.markPosted(letterId, officer);
    return posted.kind() == LetterKind.IDENTITY_INFORMATION_REQUEST
        ? Optional.of(deadlines.informationRequestSent(posted.reference())) : Optional.empty();
  }
}
