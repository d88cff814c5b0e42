package dk.mico.rightsdesk.inbox;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.NewRequest;
import dk.mico.rightsdesk.request.RequestActionRefusedException;
import dk.mico.rightsdesk.request.RequestIntake;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.request.Step;
import dk.mico.rightsdesk.request.TextRules;
import dk.mico.rightsdesk.request.UnknownRequestException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GDPR mailbox as the officer works it: every e-mail read from it is stored and becomes a task; the officer
 * registers requests from it through the ordinary intake, marks it "not a request" with a reason, or attaches it to
 * a request. Each action is taken once: the second officer (or the API after Tasklist) is refused and nothing
 * changes.
 */
@Service
public class Inbox {

  /** Answers go to the address the request came from, which is what that address proves (Art 12(6)). */
  static final String IDENTITY_NOTE =
      "The request came by e-mail from this address to the GDPR mailbox; answers go to the same address.";

  /** Who acts when the mailbox itself attaches or dismisses an e-mail on arrival. */
  static final String MAILBOX = "mailbox";

  static final String AUTOMATIC_MAIL_NAMING_NO_REQUEST =
      "An automatic reply or a delivery report that names none of our requests: dismissed on arrival.";

  static final String NOT_FROM_THE_SUBJECT = "This e-mail names %s, but it does not come from the address of that"
      + " request's subject. It was not taken as the subject's answer: check who wrote it before acting on it.";

  private static final Pattern REFERENCE = Pattern.compile("DSR-\\d{4}-\\d{5}");
  private static final int MAX_DETAILS = 4000;
  private static final int MAX_LISTED = 500;

  private final InboundEmails emails;
  private final RequestSuggestions suggestions;
  private final InboxWorkflow workflow;
  private final RequestIntake intake;
  private final RequestLifecycle lifecycle;
  private final RequestMarks marks;
  private final GdprMailbox mailbox;
  private final Clock clock;

  Inbox(InboundEmails emails, RequestSuggestions suggestions, InboxWorkflow workflow, RequestIntake intake,
      RequestLifecycle lifecycle, RequestMarks marks, GdprMailbox mailbox, Clock clock) {
    this.mailbox = mailbox;
    this.emails = emails;
    this.suggestions = suggestions;
    this.workflow = workflow;
    this.intake = intake;
    this.lifecycle = lifecycle;
    this.marks = marks;
    this.clock = clock;
  }

  /** Whether a message with this key was stored already (read before, by this node or another). */
  public boolean isKnown(String messageKey) {
    return emails.exists(messageKey);
  }

  /**
   * Stores a new e-mail and starts its process, in one transaction. A second copy of a stored message is ignored; a
   * race between two nodes ends at the unique message key, and the loser's transaction rolls back.
   */
  @Transactional
  public void receive(ReceivedEmail email) {
    if (emails.exists(email.messageKey())) {
      return;
    }
    Suggestion suggestion = suggestions.suggest(join(email.subject(), email.text()));
    long id = emails.insert(email, suggestion, clock.instant());
    workflow.start(id, email.receivedAt(), route(id, email));
  }

  /**
   * Where the e-mail goes. An automatic mail (bounce, auto-reply) is never a request: attached to the request whose
   * letter it answers as a letter that did not arrive, or dismissed with the reason when it names none of ours. A
   * subject's reply (the reference of a request of the same sender in its subject line or in the Message-IDs it
   * answers) is attached at once and shown on the task that waits for it. A reference from another address may be
   * forged or a forward: that e-mail goes to the officer like any other, with a note, and is never taken as the
   * subject's answer.
   */
  private InboxRoute route(long id, ReceivedEmail email) {
    List<DataSubjectRequest> named = namedRequests(email);
    if (email.automatic()) {
      if (named.isEmpty()) {
        take(id, InboxState.NOT_A_REQUEST, AUTOMATIC_MAIL_NAMING_NO_REQUEST, MAILBOX);
        return InboxRoute.NOTHING_TO_DO;
      }
      attach(id, named.get(0), MAILBOX, Step.LETTER_NOT_DELIVERED);
      return InboxRoute.LETTER_NOT_DELIVERED;
    }
    Optional<DataSubjectRequest> own = named.stream().filter(request -> email.senderEmail() != null
        && email.senderEmail().equalsIgnoreCase(request.subject().email())).findFirst();
    if (own.isPresent()) {
      attach(id, own.get(), MAILBOX, Step.EMAIL_ATTACHED);
      return workflow.showReplyOnWaitingTask(own.get().reference(), email.receivedAt(),
          EmailExcerpt.of(id, join(email.subject(), email.text())))
          ? InboxRoute.NOTHING_TO_DO : InboxRoute.READ_REPLY;
    }
    if (!named.isEmpty()) {
      emails.note(id, NOT_FROM_THE_SUBJECT.formatted(
          String.join(", ", named.stream().map(DataSubjectRequest::reference).toList())));
    }
    return InboxRoute.REGISTER;
  }

  /** The requests of ours the e-mail names, in its subject line or in the Message-IDs it answers. */
  private List<DataSubjectRequest> namedRequests(ReceivedEmail email) {
    Set<String> references = new LinkedHashSet<>();
    Matcher reference = REFERENCE.matcher(join(email.subject(), email.repliesTo()));
    while (reference.find() && references.size() < 10) {
      references.add(reference.group());
    }
    return references.stream().map(this::request).flatMap(Optional::stream).toList();
  }

  public InboundEmail get(long id) {
    return emails.find(id).orElseThrow(() -> new UnknownInboundEmailException(id));
  }

  /** The e-mails in one state, oldest first (at most 500: the inbox is worked, not archived, here). */
  public List<InboundEmail> list(InboxState state) {
    return emails.list(state, MAX_LISTED);
  }

  /** How many e-mails stand in each state: what managers may see. */
  public Map<InboxState, Long> counts() {
    return emails.counts();
  }

  /** The e-mails marked "not a request" (by an officer, or on arrival as automatic mail), for the register. */
  public List<Dismissal> dismissals() {
    return emails.dismissals();
  }

  /** The sender's earlier requests (same address), newest first. */
  public List<RequestMarks.EarlierRequest> sendersRequests(InboundEmail email) {
    return marks.earlierRequests(email.senderEmail(), -1);
  }

  /** Registers requests from the e-mail through the API; its Tasklist task ends. */
  @Transactional
  public List<String> register(long id, List<RequestToRegister> requests, String officer) {
    List<String> references = registerFromTask(id, requests, officer);
    workflow.handledElsewhere(id);
    return references;
  }

  /**
   * Registers one request per right through the officer's intake: channel e-mail, the sender's address as the
   * subject's, identity established by that address for answering to it, received when the mail reached the
   * mailbox.
   */
  @Transactional
  public List<String> registerFromTask(long id, List<RequestToRegister> requests, String officer) {
    InboundEmail email = get(id);
    if (requests == null || requests.isEmpty()) {
      throw new InvalidRequestException(List.of(new Violation("requests", "choose at least one right")));
    }
    if (email.senderEmail() == null) {
      throw new InvalidRequestException(List.of(new Violation("from",
          "the e-mail has no sender address to answer to; register it by hand with the subject's contact data")));
    }
    take(id, InboxState.REGISTERED, null, officer);
    List<NewRequest> submissions = requests.stream().map(request -> new NewRequest(request.type(),
        request.objectionScope(), email.senderName() == null ? email.senderEmail() : email.senderName(),
        email.senderEmail(), null, null, request.language() == null || request.language().isBlank()
            ? email.language() : request.language(),
        request.details() == null || request.details().isBlank() ? defaultDetails(email) : request.details(),
        "EMAIL", email.receivedAt(), true, IDENTITY_NOTE, null, null, request.consents(), null)).toList();
    List<String> references =
        intake.registerSeveralByOfficer(submissions, officer).stream().map(DataSubjectRequest::reference).toList();
    emails.addReferences(id, references);
    return references;
  }

  /** Marks the e-mail "not a request" through the API, with the reason; its Tasklist task ends. */
  @Transactional
  public void dismiss(long id, String reason, String officer) {
    dismissFromTask(id, reason, officer);
    workflow.handledElsewhere(id);
  }

  @Transactional
  public void dismissFromTask(long id, String reason, String officer) {
    get(id);
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException(List.of(new Violation("reason", "say why this e-mail is not a request")));
    }
    if (reason.strip().length() > MAX_DETAILS) {
      throw new InvalidRequestException(List.of(new Violation("reason", "is longer than 4000 characters")));
    }
    String refused = TextRules.FREE_TEXT.problemWith(reason);
    if (refused != null) {
      throw new InvalidRequestException(List.of(new Violation("reason", refused)));
    }
    take(id, InboxState.NOT_A_REQUEST, reason.strip(), officer);
  }

  /** Attaches the e-mail to an existing request (a follow-up of the subject's); the request's history notes it. */
  @Transactional
  public void attachFromTask(long id, String reference, String officer) {
    get(id);
    DataSubjectRequest request = request(reference == null ? "" : reference.strip()).orElseThrow(() ->
        new InvalidRequestException(List.of(new Violation("reference", "there is no request with that reference"))));
    attach(id, request, officer, Step.EMAIL_ATTACHED);
  }

  private Optional<DataSubjectRequest> request(String reference) {
    try {
      return Optional.of(lifecycle.get(reference));
    } catch (UnknownRequestException e) {
      return Optional.empty();
    }
  }

  private void attach(long id, DataSubjectRequest request, String actor, Step step) {
    take(id, InboxState.ATTACHED, null, actor);
    emails.addReferences(id, List.of(request.reference()));
    lifecycle.recordStep(request, step, actor, "inbound e-mail " + id);
  }

  /**
   * Flags the stored e-mail handled in the mailbox, so that polls stop reading it. Called from its own retried job,
   * after the row and the task were committed.
   */
  public void flagHandledInMailbox(long id) throws jakarta.mail.MessagingException {
    InboundEmails.MailboxPosition position =
        emails.position(id).orElseThrow(() -> new UnknownInboundEmailException(id));
    mailbox.flagHandled(position.messageKey(), position.uid(), position.uidValidity());
  }

  private void take(long id, InboxState state, String reason, String officer) {
    if (!emails.handle(id, state, reason, officer, clock.instant())) {
      throw new RequestActionRefusedException("This e-mail was handled already.");
    }
  }

  /** Without details of the officer's, the request keeps what the subject wrote (as much as a request holds). */
  private static String defaultDetails(InboundEmail email) {
    String text = join(email.subject(), email.text());
    return text.length() <= MAX_DETAILS ? text : text.substring(0, MAX_DETAILS);
  }

  private static String join(String subject, String text) {
    return ((subject == null ? "" : subject) + "\n\n" + (text == null ? "" : text)).strip();
  }
}
