package dk.mico.rightsdesk.request;

import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ways a request ends under Art 12 besides an answer: a duplicate submission, a refusal of a manifestly unfounded
 * or excessive request or a fee announced first (12(5)), and forwarding to the customer who is the controller
 * (gdpr-rules.md §4). The officer decides 12(5) and forwarding, always with a reason; the system never refuses on
 * its own.
 */
@Service
public class RequestOutcomes {

  /** The two grounds of Art 12(5). */
  public enum RefusalGround { MANIFESTLY_UNFOUNDED, EXCESSIVE }

  /** The longest text a request record keeps of what the subject wrote. */
  private static final int MAX_DETAILS = 4000;

  private final Requests requests;
  private final RequestMarks marks;
  private final CustomerControllers customers;
  private final RequestWorkflow workflow;
  private final MessageSource messages;
  private final Clock clock;

  RequestOutcomes(Requests requests, RequestMarks marks, CustomerControllers customers, RequestWorkflow workflow,
      MessageSource messages, Clock clock) {
    this.messages = messages;
    this.requests = requests;
    this.marks = marks;
    this.customers = customers;
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * A new submission of the same person (same e-mail address) for the same right while one is open: it keeps its own
   * reference and closes at once as a duplicate linked to the open one; the process tells the subject. What the two
   * ask is compared: new text (say a second rectification about other data) is carried to the open request, with a
   * step on each, so that its answer covers it; text too long to carry leaves the new request to go on by itself.
   * Called in the intake's transaction, before the process starts.
   */
  @Transactional
  public void closeIfDuplicate(long requestId) {
    DataSubjectRequest request = requests.findById(requestId).orElseThrow();
    if (!request.subject().reachableByEmail()) {
      return; // no address to tell the same person by
    }
    marks.openRequestFor(request.subject().email(), request.type(), request.objectionScope(), requestId)
        .flatMap(requests::findByReference)
        .ifPresent(open -> {
          Instant now = clock.instant();
          if (asksSomethingNew(request, open)) {
            String carried = carriedDetails(request, open);
            if (carried.length() > MAX_DETAILS) {
              return; // cannot be merged: the officer handles it as a request of its own
            }
            requests.replaceDetails(open.id(), carried);
            requests.addStep(open.id(), now, Step.DETAILS_ADDED_FROM_DUPLICATE.name(), null, request.reference());
            requests.addStep(requestId, now, Step.DETAILS_CARRIED_TO_OPEN_REQUEST.name(), null, open.reference());
          }
          marks.markDuplicate(requestId, open.reference());
          requests.addStep(requestId, now, Step.DUPLICATE_OF.name(), null, open.reference());
          if (requests.close(requestId, Outcome.DUPLICATE, now)) {
            requests.addStep(requestId, now, Step.CLOSED.name(), null, Outcome.DUPLICATE.name());
          }
        });
  }

  /** Whether the new request says something the open one does not (spacing and case aside). */
  private static boolean asksSomethingNew(DataSubjectRequest duplicate, DataSubjectRequest open) {
    String added = comparable(duplicate.details());
    return !added.isEmpty() && !comparable(open.details()).contains(added);
  }

  private static String comparable(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The open request's text with the new one after it, marked with the reference it came with. */
  private static String carriedDetails(DataSubjectRequest duplicate, DataSubjectRequest open) {
    String before = open.details() == null || open.details().isBlank() ? "" : open.details().strip() + "\n\n";
    return before + "[added from " + duplicate.reference() + "] " + duplicate.details().strip();
  }

  /** Whether the new text of a duplicate was carried to the open request (its letter says so). */
  @Transactional(readOnly = true)
  public boolean detailsCarriedToOpenRequest(String reference) {
    return requests.steps(get(reference).id()).stream()
        .anyMatch(s -> Step.DETAILS_CARRIED_TO_OPEN_REQUEST.name().equals(s.step()));
  }

  /** The subject's other requests, newest first, for the officer's 12(5) judgement. */
  @Transactional(readOnly = true)
  public List<RequestMarks.EarlierRequest> earlierRequests(String reference) {
    DataSubjectRequest request = get(reference);
    return marks.earlierRequests(request.subject().email(), request.id());
  }

  /**
   * The officer refuses under Art 12(5); the reason goes into the Art 12(4) letter. An excessive request needs the
   * facts that show it, kept with the request (12(5), last sentence).
   */
  @Transactional
  public void refuse(String reference, String ground, String reason, String facts, String officer) {
    DataSubjectRequest request = openUnderArt12_5(reference);
    List<Violation> bad = new ArrayList<>();
    RefusalGround decided = ground(ground, bad);
    requireReason(reason, bad);
    requireFactsIfExcessive(decided, facts, bad);
    throwIfBad(bad);
    marks.markArt12Ground(request.id(), decided, facts == null ? null : facts.strip());
    requests.recordAnswer(request.id(), Outcome.REFUSED, "Refused under Art 12(5)", reason.strip());
    requests.addStep(request.id(), clock.instant(), Step.REFUSED_UNDER_ART_12_5.name(), officer, decided.name());
    workflow.refusedAsUnfoundedOrExcessive(get(reference));
  }

  /** The officer announces a reasonable fee (Art 12(5)) before acting on the request; the subject is told why. */
  @Transactional
  public void announceFee(String reference, String ground, Integer amount, String reason, String facts,
      String officer) {
    DataSubjectRequest request = openUnderArt12_5(reference);
    List<Violation> bad = new ArrayList<>();
    RefusalGround decided = ground(ground, bad);
    requireReason(reason, bad);
    requireFactsIfExcessive(decided, facts, bad);
    if (amount == null || amount <= 0) {
      bad.add(new Violation("feeAmount", "give the fee in DKK, more than 0, based on the administrative costs"));
    }
    throwIfBad(bad);
    if (marks.of(request.id()).feeAnnounced() != null) {
      throw new RequestActionRefusedException("A fee was announced for " + reference + " already.");
    }
    marks.markFeeAnnounced(request.id(), amount);
    marks.markArt12Ground(request.id(), decided, facts == null ? null : facts.strip());
    marks.recordReason(request.id(), reason.strip());
    requests.addStep(request.id(), clock.instant(), Step.FEE_ANNOUNCED.name(), officer,
        decided.name() + ", DKK " + amount);
    workflow.feeAnnounced(get(reference));
  }

  /**
   * The officer registers the subject's answer to the fee: ACCEPTED (agreed or paid) and the handling goes on, or
   * DECLINED and the request is refused under Art 12(5). The note (what the subject said) is an internal record, kept
   * in the history and out of the letter. Answers whether the fee was accepted.
   */
  @Transactional
  public boolean registerFeeAnswer(String reference, String answer, String note, String officer) {
    List<Violation> bad = new ArrayList<>();
    boolean accepted = "ACCEPTED".equals(answer);
    if (!accepted && !"DECLINED".equals(answer)) {
      bad.add(new Violation("feeAnswer", "choose ACCEPTED or DECLINED"));
    }
    if (note != null && note.length() > 4000) {
      bad.add(new Violation("feeAnswerNote", "must be at most 4000 characters"));
    }
    throwIfBad(bad);
    DataSubjectRequest request = open(reference);
    String noted = note == null || note.isBlank() ? null : note.strip();
    if (accepted) {
      requests.addStep(request.id(), clock.instant(), Step.FEE_ACCEPTED.name(), officer, noted);
    } else {
      refuseForFee(request, Step.FEE_DECLINED, officer, noted);
    }
    return accepted;
  }

  /** The subject did not answer the fee letter in time: the request is refused under Art 12(5). */
  @Transactional
  public void feeNotAnswered(String reference) {
    DataSubjectRequest request = get(reference);
    if (request.isOpen()) { // a second run of the same timer job changes nothing
      refuseForFee(request, Step.FEE_NOT_ANSWERED, null, null);
    }
  }

  /**
   * The Art 12(4) letter repeats why the request was found manifestly unfounded or excessive (the reason the fee
   * letter gave) and adds that the fee was not accepted.
   */
  private void refuseForFee(DataSubjectRequest request, Step step, String officer, String note) {
    Integer fee = marks.of(request.id()).feeAnnounced();
    String feeNotAccepted = messages.getMessage("outcome.fee.refused." + step.name(), new Object[] {fee},
        request.language().locale());
    String reason = request.answerReason() == null ? feeNotAccepted : request.answerReason() + "\n\n" + feeNotAccepted;
    requests.recordAnswer(request.id(), Outcome.REFUSED, "Refused under Art 12(5): the fee was not accepted", reason);
    requests.addStep(request.id(), clock.instant(), step.name(), officer, note);
  }

  /**
   * The request is about data MICO holds for a customer: forward it to that controller and close it. When it is also
   * about data MICO holds as controller itself ({@code ownDataToo}), only that customer's part is forwarded and the
   * request goes on for the rest. Only once the subject is known (e-mail confirmed or identity verified): the letter
   * names the customer, which may reveal something about the person (a dental clinic: health), and the customer gets
   * the subject's contact data.
   */
  @Transactional
  public void forward(String reference, String customerId, String reason, boolean ownDataToo, String officer) {
    DataSubjectRequest request = open(reference);
    if (!request.identityVerified()
        && requests.steps(request.id()).stream().noneMatch(s -> Step.EMAIL_CONFIRMED.name().equals(s.step()))) {
      throw new RequestActionRefusedException("Forward " + reference + " only after the subject confirmed the e-mail"
          + " address or the identity was verified: the letter names the customer, and the customer gets the"
          + " subject's contact data.");
    }
    List<Violation> bad = new ArrayList<>();
    if (customerId == null || customers.find(customerId.strip()).isEmpty()) {
      bad.add(new Violation("customer", "choose one of " + customers.customers().stream()
          .map(CustomerControllers.Customer::id).toList()));
    }
    requireReason(reason, bad);
    throwIfBad(bad);
    marks.markForwarded(request.id(), customerId.strip(), ownDataToo);
    if (ownDataToo) {
      requests.addStep(request.id(), clock.instant(), Step.FORWARDED_TO_CONTROLLER.name(), officer,
          customerId.strip() + ", in part: the request goes on for MICO's own data");
      workflow.partForwardedToController(get(reference));
      return;
    }
    requests.recordAnswer(request.id(), Outcome.FORWARDED_TO_CONTROLLER, "Forwarded to " + customerId.strip(),
        reason.strip());
    requests.addStep(request.id(), clock.instant(), Step.FORWARDED_TO_CONTROLLER.name(), officer,
        customerId.strip());
    workflow.forwardedToController(get(reference));
  }

  /**
   * Art 12(5) covers the rights of Art 15-22 as far as a refusal or fee can be justified: never a withdrawal of
   * consent (Art 7(3): as easy as giving it) nor an objection to direct marketing (Art 21(3): stop at once).
   */
  private DataSubjectRequest openUnderArt12_5(String reference) {
    DataSubjectRequest request = open(reference);
    if (request.type() == RequestType.CONSENT_WITHDRAWAL) {
      throw new RequestActionRefusedException("A withdrawal of consent can be neither refused nor charged for: "
          + "Art 12(5) does not apply to it, and withdrawing must be as easy as giving consent (Art 7(3)).");
    }
    if (request.type() == RequestType.OBJECTION && request.objectionScope() == ObjectionScope.DIRECT_MARKETING) {
      throw new RequestActionRefusedException("An objection to direct marketing can be neither refused nor charged"
          + " for: the processing for direct marketing must stop (Art 21(3)).");
    }
    return request;
  }

  private DataSubjectRequest open(String reference) {
    DataSubjectRequest request = get(reference);
    if (!request.isOpen()) {
      throw new RequestActionRefusedException(reference + " is closed already.");
    }
    return request;
  }

  private static RefusalGround ground(String value, List<Violation> bad) {
    try {
      return RefusalGround.valueOf(value == null ? "" : value.strip());
    } catch (IllegalArgumentException e) {
      bad.add(new Violation("ground", "choose MANIFESTLY_UNFOUNDED or EXCESSIVE"));
      return null;
    }
  }

  /** C-416/23: the number of requests alone does not make them excessive; the facts must show it. */
  private static void requireFactsIfExcessive(RefusalGround ground, String facts, List<Violation> bad) {
    if (ground != RefusalGround.EXCESSIVE) {
      return;
    }
    if (facts == null || facts.isBlank()) {
      bad.add(new Violation("facts", "is required for an excessive request: record the facts that show it (dates,"
          + " identical content, intention); the number of requests alone is not enough (Art 12(5))"));
    } else if (facts.length() > 4000) {
      bad.add(new Violation("facts", "must be at most 4000 characters"));
    }
  }

  private static void requireReason(String reason, List<Violation> bad) {
    if (reason == null || reason.isBlank()) {
      bad.add(new Violation("reason", "is required: the controller must be able to show why (Art 12(5))"));
    } else if (reason.length() > 4000) {
      bad.add(new Violation("reason", "must be at most 4000 characters"));
    }
  }

  private static void throwIfBad(List<Violation> bad) {
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
  }

  private DataSubjectRequest get(String reference) {
    return requests.findByReference(reference).orElseThrow(() -> new UnknownRequestException(reference));
  }
}
