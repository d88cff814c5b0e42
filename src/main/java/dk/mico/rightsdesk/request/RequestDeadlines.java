package dk.mico.rightsdesk.request;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.deadline.DeadlineWatchProperties;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.system.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deadline in force of a request and everything that moves it (GDPR Art 12(3), gdpr-rules.md §2): the extension,
 * the pause while identity information is awaited, and overdue marking. Every change is a step of the request's
 * history, and the workflow is told so that its timers and task due dates follow.
 */
@Service
public class RequestDeadlines {

  private final Requests requests;
  private final RequestMarks marks;
  private final IdentityInformationRequests informationRequests;
  private final LegalCalendar calendar;
  private final DeadlineWatch watch;
  private final DeadlineWatchProperties.Suspension suspension;
  private final RequestWorkflow workflow;
  private final Clock clock;

  RequestDeadlines(Requests requests, RequestMarks marks, IdentityInformationRequests informationRequests,
      LegalCalendar calendar, DeadlineWatch watch, DeadlineWatchProperties properties, RequestWorkflow workflow,
      Clock clock) {
    this.requests = requests;
    this.marks = marks;
    this.informationRequests = informationRequests;
    this.calendar = calendar;
    this.watch = watch;
    this.suspension = properties.suspension();
    this.workflow = workflow;
    this.clock = clock;
  }

  /**
   * Extends the deadline to receipt + 3 months (plus any paused days), once, and only within the first month
   * (Art 12(3)); the subject gets a letter with the reasons. Refused with a clear message otherwise.
   */
  @Transactional
  public DataSubjectRequest extend(String reference, String reasonCode, String reason, String officer) {
    List<Violation> bad = new ArrayList<>();
    ExtensionReason code = null;
    try {
      code = reasonCode == null ? null : ExtensionReason.valueOf(reasonCode.strip());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (code == null) {
      bad.add(new Violation("reasonCode", "choose one of " + List.of(ExtensionReason.values())));
    }
    if (reason == null || reason.isBlank()) {
      bad.add(new Violation("reason", "is required: the subject's letter must give the reasons (Art 12(3))"));
    } else if (reason.length() > 2000) {
      bad.add(new Violation("reason", "must be at most 2000 characters"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    DataSubjectRequest request = get(reference);
    Instant now = clock.instant();
    if (!request.isOpen()) {
      throw new RequestActionRefusedException(reference + " is closed; a closed request has no deadline to extend.");
    }
    if (request.extended()) {
      throw new RequestActionRefusedException("The deadline of " + reference + " was extended already; Art 12(3) "
          + "allows one extension by two further months, and its deadline is " + request.dueDate() + ".");
    }
    if (calendar.firstMonthPassed(request.receivedAt(), now)) {
      throw new RequestActionRefusedException("The first month after receipt of " + reference + " ended with "
          + calendar.dueDate(request.receivedAt()) + "; Art 12(3) allows an extension only within it.");
    }
    LocalDate newDueDate = calendar.dueDate(request.receivedAt(), true, request.pausedDays());
    if (!marks.extend(request.id(), newDueDate, code, reason.strip(), now)) {
      throw new RequestActionRefusedException("The deadline of " + reference + " was extended already.");
    }
    marks.clearOverdue(request.id());
    requests.addStep(request.id(), now, Step.EXTENDED.name(), officer, code + ", due " + newDueDate);
    DataSubjectRequest extended = get(reference);
    workflow.deadlineExtended(extended);
    return extended;
  }

  /**
   * When the watch acts for the request's deadline in force. While the clock is paused the deadline is not known
   * yet: the watch plans for the latest it can become (the pause running until the reply is due), and is planned
   * again when the pause ends.
   */
  @Transactional
  public DeadlineWatch.Plan watchPlan(String reference) {
    DataSubjectRequest request = get(reference);
    Instant now = clock.instant();
    if (marks.of(request.id()).overdueSince() != null && now.isBefore(calendar.endOfDay(request.dueDate()))) {
      marks.clearOverdue(request.id()); // the deadline moved past today again
    }
    return watch.plan(request.status() == RequestStatus.PAUSED ? latestDueDateWhilePaused(request)
        : request.dueDate());
  }

  /** Whether the deadline in force has passed with the request still open. */
  @Transactional(readOnly = true)
  public boolean isOverdue(String reference) {
    DataSubjectRequest request = get(reference);
    return request.isOpen() && request.status() != RequestStatus.PAUSED
        && !clock.instant().isBefore(calendar.endOfDay(request.dueDate()));
  }

  /** Marks the request overdue in its record, once; false when it is not (or no longer) overdue. */
  @Transactional
  public boolean markOverdue(String reference) {
    if (!isOverdue(reference)) {
      return false;
    }
    DataSubjectRequest request = get(reference);
    Instant since = calendar.endOfDay(request.dueDate());
    if (marks.markOverdue(request.id(), since)) {
      requests.addStep(request.id(), clock.instant(), Step.OVERDUE.name(), null, "due " + request.dueDate());
    }
    return true;
  }

  /** The officer asks the subject for more identity information (Art 12(6)); the letter goes out in its own job. */
  @Transactional
  public void askForIdentityInformation(String reference, String whatIsNeeded, String officer) {
    if (whatIsNeeded == null || whatIsNeeded.isBlank()) {
      throw new InvalidRequestException(List.of(new Violation("identityNote",
          "is required: say what the subject must send, and ask only for what is needed (Art 12(6))")));
    }
    DataSubjectRequest request = get(reference);
    Instant now = clock.instant();
    informationRequests.insert(request.id(), whatIsNeeded.strip(), now);
    requests.addStep(request.id(), now, Step.IDENTITY_INFORMATION_REQUESTED.name(), officer, null);
  }

  /** When the reply to a request for identity information that goes out now is due, and whether it pauses. */
  public record InformationTerms(Instant replyDueAt, boolean pausesClock) {}

  /**
   * The request for identity information went out: the clock pauses when it went out within the set number of
   * working days of receipt (without undue delay, EDPB 01/2022 §159), never later. A printed request goes out when
   * the officer posts it. Running twice changes nothing.
   */
  @Transactional
  public IdentityInformationRequest informationRequestSent(String reference) {
    DataSubjectRequest request = get(reference);
    IdentityInformationRequest asked = openInformationRequest(request);
    if (asked.sentAt() != null) {
      return asked;
    }
    Instant now = clock.instant();
    InformationTerms terms = termsIfSentAt(request, now);
    boolean pauses = terms.pausesClock();
    informationRequests.markSent(asked.id(), now, terms.replyDueAt(), pauses);
    if (pauses) {
      requests.updateStatus(request.id(), RequestStatus.PAUSED);
      requests.addStep(request.id(), now, Step.CLOCK_PAUSED.name(), null, null);
    }
    return informationRequests.open(request.id()).orElseThrow();
  }

  /**
   * The open request for identity information with the terms it would have if it went out now: for a printed
   * letter, composed before it is posted (and the clock pauses only from the posting).
   */
  @Transactional(readOnly = true)
  public IdentityInformationRequest informationRequestToPost(String reference) {
    DataSubjectRequest request = get(reference);
    IdentityInformationRequest asked = openInformationRequest(request);
    InformationTerms terms = termsIfSentAt(request, clock.instant());
    return new IdentityInformationRequest(asked.id(), asked.requestId(), asked.whatIsNeeded(), asked.askedAt(),
        null, terms.replyDueAt(), terms.pausesClock(), null, null);
  }

  private IdentityInformationRequest openInformationRequest(DataSubjectRequest request) {
    return informationRequests.open(request.id()).orElseThrow(
        () -> new IllegalStateException(request.reference() + " has no open request for identity information"));
  }

  /** The terms a request for identity information would have if it went out now (for the officer's preview). */
  @Transactional(readOnly = true)
  public InformationTerms informationTermsIfSentNow(String reference) {
    return termsIfSentAt(get(reference), clock.instant());
  }

  private InformationTerms termsIfSentAt(DataSubjectRequest request, Instant at) {
    LocalDate lastDayToPause =
        calendar.addWorkingDays(calendar.receiptDate(request.receivedAt()), suspension.withinWorkingDays());
    return new InformationTerms(at.plus(suspension.replyWithin()),
        suspension.enabled() && !calendar.receiptDate(at).isAfter(lastDayToPause));
  }

  /** A fresh secret for the subject's reply page; any earlier link stops working. */
  @Transactional
  public String issueReplyToken(String reference) {
    DataSubjectRequest request = get(reference);
    IdentityInformationRequest asked = informationRequests.open(request.id()).orElseThrow();
    String token = SecretTokens.newToken();
    informationRequests.setTokenHash(asked.id(), SecretTokens.hash(token));
    return token;
  }

  /** The open request for identity information a reply link opens; empty for a malformed, used or guessed token. */
  @Transactional(readOnly = true)
  public Optional<IdentityInformationRequest> findByReplyToken(String token) {
    if (!SecretTokens.looksValid(token)) {
      return Optional.empty();
    }
    return informationRequests.openByTokenHash(SecretTokens.hash(token));
  }

  /** The latest request for identity information of a request, for the officer's screen. */
  @Transactional(readOnly = true)
  public Optional<IdentityInformationRequest> latestInformationRequest(String reference) {
    return informationRequests.latest(get(reference).id());
  }

  /** The subject answered through the link in the e-mail; the process then goes back to the identity check. */
  @Transactional
  public boolean replyFromSubject(String token, String reply) {
    if (reply == null || reply.isBlank()) {
      throw new InvalidRequestException(List.of(new Violation("reply", "is required")));
    }
    Optional<IdentityInformationRequest> asked = findByReplyToken(token);
    if (asked.isEmpty()) {
      return false;
    }
    DataSubjectRequest request = requests.findById(asked.get().requestId()).orElseThrow();
    if (!request.isOpen() || !receive(request, asked.get(), reply.strip(), "subject")) {
      return false;
    }
    workflow.identityInformationReceived(get(request.reference()));
    return true;
  }

  /** The officer registers a reply that came by e-mail, phone or letter (the Tasklist task). */
  @Transactional
  public void replyRegisteredByOfficer(String reference, String reply, String officer) {
    if (reply == null || reply.isBlank()) {
      throw new InvalidRequestException(List.of(new Violation("identityReply",
          "is required: say what the subject sent (never keep a copy of an ID document)")));
    }
    DataSubjectRequest request = get(reference);
    IdentityInformationRequest asked = informationRequests.open(request.id()).orElseThrow(
        () -> new IllegalStateException(reference + " waits for no identity information"));
    receive(request, asked, reply.strip(), officer);
  }

  /**
   * No answer in time: the pause ends with the reply's due date, and the request is decided unverifiable; its Art
   * 12(4) letter and closing follow in the process.
   */
  @Transactional
  public void noIdentityInformation(String reference) {
    DataSubjectRequest request = get(reference);
    informationRequests.open(request.id()).ifPresent(asked -> {
      // the pause ends when the reply was due, however late the job that notices it runs
      Instant now = clock.instant();
      endPause(request, asked, asked.replyDueAt().isBefore(now) ? asked.replyDueAt() : now, null, null);
      requests.recordOutcome(request.id(), Outcome.UNVERIFIABLE);
      requests.addStep(request.id(), clock.instant(), Step.NO_IDENTITY_INFORMATION.name(), null, null);
    });
  }

  private boolean receive(DataSubjectRequest request, IdentityInformationRequest asked, String reply, String actor) {
    Instant now = clock.instant();
    if (!endPause(request, asked, now, actor, reply)) {
      return false;
    }
    requests.addStep(request.id(), now, Step.IDENTITY_INFORMATION_RECEIVED.name(), actor, null);
    return true;
  }

  /** Ends the pause at {@code at}: the days it lasted move the deadline. False when it had ended already. */
  private boolean endPause(DataSubjectRequest request, IdentityInformationRequest asked, Instant at, String by,
      String reply) {
    int days = asked.pausedTheClock()
        ? (int) ChronoUnit.DAYS.between(calendar.receiptDate(asked.sentAt()), calendar.receiptDate(at)) : 0;
    if (!informationRequests.answer(asked.id(), at, by, reply, days)) {
      return false;
    }
    if (asked.pausedTheClock()) {
      int pausedDays = request.pausedDays() + days;
      marks.moveDueDate(request.id(), calendar.dueDate(request.receivedAt(), request.extended(), pausedDays),
          pausedDays);
      requests.updateStatus(request.id(), RequestStatus.IN_PROGRESS);
      requests.addStep(request.id(), at, Step.CLOCK_RESUMED.name(), by, days + " day(s) paused");
    }
    return true;
  }

  private LocalDate latestDueDateWhilePaused(DataSubjectRequest request) {
    return informationRequests.open(request.id())
        .filter(IdentityInformationRequest::pausedTheClock)
        .map(asked -> calendar.dueDate(request.receivedAt(), request.extended(), request.pausedDays()
            + (int) ChronoUnit.DAYS.between(calendar.receiptDate(asked.sentAt()),
                calendar.receiptDate(asked.replyDueAt()))))
        .orElse(request.dueDate());
  }

  private DataSubjectRequest get(String reference) {
    return requests.findByReference(reference).orElseThrow(() -> new UnknownRequestException(reference));
  }
}
