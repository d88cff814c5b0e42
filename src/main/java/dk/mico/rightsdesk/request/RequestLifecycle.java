package dk.mico.rightsdesk.request;

import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.system.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The changes of state in a request's life after receipt, each recorded as a step of its history. */
@Service
public class RequestLifecycle {

  private final Requests requests;
  private final IdentityInformationRequests informationRequests;
  private final RequestWorkflow workflow;
  private final Clock clock;

  RequestLifecycle(Requests requests, IdentityInformationRequests informationRequests, RequestWorkflow workflow,
      Clock clock) {
    this.requests = requests;
    this.informationRequests = informationRequests;
    this.workflow = workflow;
    this.clock = clock;
  }

  public DataSubjectRequest get(String reference) {
    return requests.findByReference(reference).orElseThrow(() -> new UnknownRequestException(reference));
  }

  public Optional<DataSubjectRequest> findById(long id) {
    return requests.findById(id);
  }

  /** The request a status link opens; empty for a malformed, unknown or guessed token. */
  public Optional<DataSubjectRequest> findByStatusToken(String token) {
    if (!SecretTokens.looksValid(token)) {
      return Optional.empty();
    }
    return requests.findByStatusTokenHash(SecretTokens.hash(token));
  }

  /** A fresh secret for the subject's status page; any earlier link stops working. */
  @Transactional
  public String issueStatusToken(DataSubjectRequest request) {
    String token = SecretTokens.newToken();
    requests.setStatusTokenHash(request.id(), SecretTokens.hash(token));
    return token;
  }

  @Transactional
  public void emailConfirmed(DataSubjectRequest request) {
    if (request.status() != RequestStatus.AWAITING_CONFIRMATION) {
      return;
    }
    requests.updateStatus(request.id(), RequestStatus.IN_PROGRESS);
    requests.addStep(request.id(), clock.instant(), Step.EMAIL_CONFIRMED.name(), "subject", null);
    workflow.emailConfirmed(request);
  }

  /** The subject asks from the status page for a new confirmation link; only while one is awaited. */
  @Transactional
  public boolean requestConfirmationLink(DataSubjectRequest request) {
    if (request.status() != RequestStatus.AWAITING_CONFIRMATION) {
      return false;
    }
    return workflow.confirmationLinkRequested(request);
  }

  /** The subject withdraws the request from the status page. Closing is immediate; the process sends the letter. */
  @Transactional
  public boolean withdraw(DataSubjectRequest request) {
    Instant now = clock.instant();
    if (!requests.close(request.id(), Outcome.WITHDRAWN, now)) {
      return false;
    }
    requests.addStep(request.id(), now, Step.WITHDRAWN.name(), "subject", null);
    workflow.withdrawn(request);
    return true;
  }

  /**
   * The officer's identity decision with what was checked. Closing as unverifiable needs what was missing (the
   * letter says it) and, unless the subject was asked for more information first (Art 12(6)), the reason why asking
   * is futile: MICO must show that it cannot identify the person (Art 11(2), 12(2)).
   */
  @Transactional
  public void recordIdentityDecision(String reference, boolean verified, String note, String missing,
      String futileReason, String officer) {
    DataSubjectRequest request = get(reference);
    List<Violation> bad = new ArrayList<>();
    if (note == null || note.isBlank()) {
      bad.add(new Violation("identityNote", "is required: say what was checked"));
    }
    if (!verified) {
      if (missing == null || missing.isBlank()) {
        bad.add(new Violation("identityMissing", "is required: say what was missing to identify the subject;"
            + " the letter tells the subject"));
      } else if (missing.length() > 2000) {
        bad.add(new Violation("identityMissing", "must be at most 2000 characters"));
      }
      boolean askedBefore = informationRequests.latest(request.id()).isPresent();
      if (!askedBefore && (futileReason == null || futileReason.isBlank())) {
        bad.add(new Violation("identityFutileReason", "ask the subject for more information first (Art 12(6)),"
            + " or say why asking would be futile"));
      } else if (futileReason != null && futileReason.length() > 2000) {
        bad.add(new Violation("identityFutileReason", "must be at most 2000 characters"));
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    requests.recordIdentity(request.id(), verified, note.strip());
    if (!verified) {
      requests.recordUnverifiable(request.id(), missing.strip(),
          futileReason == null || futileReason.isBlank() ? null : futileReason.strip());
      requests.recordOutcome(request.id(), Outcome.UNVERIFIABLE);
    }
    Step step = verified ? Step.IDENTITY_VERIFIED : Step.IDENTITY_NOT_VERIFIED;
    requests.addStep(request.id(), clock.instant(), step.name(), officer, null);
  }

  /**
   * What was missing to identify the subject, as the Art 12(4) letter says it: the officer's words, or what the
   * subject was asked for and did not send.
   */
  @Transactional(readOnly = true)
  public Optional<String> whatWasMissingForIdentity(String reference) {
    DataSubjectRequest request = get(reference);
    return requests.identityMissing(request.id())
        .or(() -> informationRequests.latest(request.id()).map(IdentityInformationRequest::whatIsNeeded));
  }

  /**
   * What the officer did and decided. A refusal, whole or partial, cannot be saved without its reason: the letter
   * must give it (Art 12(4)).
   */
  @Transactional
  public void recordAnswer(String reference, String outcome, String actions, String reason, String officer) {
    Outcome decided = validAnswer(outcome, actions, reason);
    writeAnswer(get(reference), decided, actions, reason, officer);
  }

  /** As {@link #recordAnswer(String, String, String, String, String)}, for a caller that has just read the request. */
  @Transactional
  public void recordAnswer(DataSubjectRequest request, String outcome, String actions, String reason,
      String officer) {
    writeAnswer(request, validAnswer(outcome, actions, reason), actions, reason, officer);
  }

  private static Outcome validAnswer(String outcome, String actions, String reason) {
    List<Violation> bad = new ArrayList<>();
    Outcome decided = null;
    try {
      decided = outcome == null ? null : Outcome.valueOf(outcome);
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (decided != Outcome.FULFILLED && decided != Outcome.PARTIALLY_REFUSED && decided != Outcome.REFUSED) {
      bad.add(new Violation("outcome", "choose fulfilled, partially refused or refused"));
    }
    if (actions == null || actions.isBlank()) {
      bad.add(new Violation("answerActions", "is required: say what was done"));
    }
    if (refusal(decided) && (reason == null || reason.isBlank())) {
      bad.add(new Violation("answerReason", "is required for a refusal: the letter must give the reason"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    return decided;
  }

  private static boolean refusal(Outcome decided) {
    return decided == Outcome.PARTIALLY_REFUSED || decided == Outcome.REFUSED;
  }

  private void writeAnswer(DataSubjectRequest request, Outcome decided, String actions, String reason,
      String officer) {
    requests.recordAnswer(request.id(), decided, actions.strip(), refusal(decided) ? reason.strip() : null);
    requests.addStep(request.id(), clock.instant(), Step.ANSWER_RECORDED.name(), officer, decided.name());
  }

  /**
   * Closes the request with the given outcome, or the one decided earlier when {@code outcome} is null; closing twice
   * changes nothing.
   */
  @Transactional
  public void close(String reference, Outcome outcome) {
    DataSubjectRequest request = get(reference);
    if (outcome == null) {
      outcome = request.outcome();
    }
    if (outcome == null) {
      throw new IllegalStateException(reference + " has no decided outcome to close with");
    }
    Instant now = clock.instant();
    if (requests.close(request.id(), outcome, now)) {
      requests.addStep(request.id(), now, Step.CLOSED.name(), null, outcome.name());
    }
  }

  /**
   * After an erasure, the subject's own description of the request goes too: it may repeat the values that were
   * erased, and the record must not keep them (the answer and the change log say what was done without values).
   */
  @Transactional
  public void clearDetailsAfterErasure(String reference) {
    DataSubjectRequest request = get(reference);
    if (requests.clearDetails(request.id())) {
      requests.addStep(request.id(), clock.instant(), Step.DETAILS_CLEARED.name(), null, null);
    }
  }

  /**
   * Adds a line to what was done, for the answer letter, after the answer was recorded (the files sent to another
   * controller, Art 20(2)), with the step that says so.
   */
  @Transactional
  public void addToAnswer(String reference, String line, Step step, String actor, String note) {
    DataSubjectRequest request = get(reference);
    if (request.outcome() == null) {
      throw new IllegalStateException(reference + " has no answer to add to");
    }
    requests.recordAnswer(request.id(), request.outcome(), request.answerActions() + "\n" + line,
        request.answerReason());
    requests.addStep(request.id(), clock.instant(), step.name(), actor, note);
  }

  /** Records a step that the workflow took (a letter sent or posted). */
  @Transactional
  public void recordStep(DataSubjectRequest request, Step step, String actor, String note) {
    requests.addStep(request.id(), clock.instant(), step.name(), actor, note);
  }
}
