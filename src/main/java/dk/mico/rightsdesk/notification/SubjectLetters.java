package dk.mico.rightsdesk.notification;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.Outcome;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import dk.mico.rightsdesk.request.SubmissionLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends letters to subjects, each exactly once per key: the letter is composed, archived and queued in the
 * {@link Outbox} in the caller's transaction (the step that decides to send it), so a job that runs again finds the
 * letter and does nothing, and no step waits for the mail server: the {@link OutboxSender} delivers it, and marks it
 * sent. The links and codes in it are made in that same transaction, so a resent copy carries the same working link.
 * A subject without an e-mail address gets the letter printed for posting instead.
 */
@Service
public class SubjectLetters {

  /** Text that stands in the archive for a secret link, which is never stored. */
  static final String LINK_NOT_KEPT = "[personal link, not kept in the archive]";
  /** Text that stands in the archive for a one-time code. */
  static final String CODE_NOT_KEPT = "[personal code, not kept in the archive]";

  private final LetterArchive archive;
  private final LetterComposer composer;
  private final Outbox outbox;
  private final RequestLifecycle lifecycle;
  private final PublicUrl publicUrl;
  private final SubmissionLinks submissionLinks;
  private final Clock clock;
  private final ObjectProvider<AnswerEnclosure> enclosures;

  SubjectLetters(LetterArchive archive, LetterComposer composer, Outbox outbox, RequestLifecycle lifecycle,
      PublicUrl publicUrl, SubmissionLinks submissionLinks, Clock clock,
      ObjectProvider<AnswerEnclosure> enclosures) {
    this.submissionLinks = submissionLinks;
    this.enclosures = enclosures;
    this.archive = archive;
    this.composer = composer;
    this.outbox = outbox;
    this.lifecycle = lifecycle;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** Sends a letter of which a request has only one. */
  @Transactional
  public Letter send(String reference, LetterKind kind) {
    return send(reference, kind, null, Map::of);
  }

  /**
   * Sends a letter. {@code occurrence} tells apart letters of a kind that a request can get more than once;
   * {@code extraModel} gives what the template needs beyond the request: called only when the letter is really
   * written, so that secrets are made only for a letter that goes out. {@link SecretLink}s in it are left out of the
   * archive.
   */
  @Transactional
  public Letter send(String reference, LetterKind kind, String occurrence, Supplier<Map<String, Object>> extraModel) {
    return send(reference, kind, occurrence, extraModel, () -> lifecycle.get(reference));
  }

  /** {@code read} gives the request: read only when the letter is really written, or passed by a caller that has it. */
  private Letter send(String reference, LetterKind kind, String occurrence, Supplier<Map<String, Object>> extraModel,
      Supplier<DataSubjectRequest> read) {
    String key = reference + "/" + kind + (occurrence == null ? "" : "/" + occurrence);
    Optional<Letter> earlier = archive.findByKey(key);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    DataSubjectRequest request = read.get();
    Map<String, Object> model = new HashMap<>(extraModel.get());
    // the status page is an online service: printed letters carry no link
    if (kind == LetterKind.ACKNOWLEDGEMENT && request.subject().reachableByEmail()) {
      model.put("statusLink", new SecretLink(publicUrl.base() + "/status/" + lifecycle.issueStatusToken(request)));
    }
    // the acknowledgement names the submission's other requests, and so does the one link that confirms them all
    if (kind == LetterKind.ACKNOWLEDGEMENT || kind == LetterKind.CONFIRMATION_LINK) {
      model.put("linkedReferences", submissionLinks.siblingsOf(reference));
    }
    LetterComposer.Composed letter = composer.compose(request, kind, model);
    String archivedBody = letter.body();
    for (Object value : model.values()) {
      if (value instanceof SecretLink link) {
        archivedBody = archivedBody.replace(link.url(), LINK_NOT_KEPT);
      } else if (value instanceof SecretCode code) {
        archivedBody = archivedBody.replace(code.value(), CODE_NOT_KEPT);
      }
    }
    Instant now = clock.instant();
    boolean byEmail = request.subject().reachableByEmail();
    Letter.Delivery delivery = byEmail ? Letter.Delivery.EMAIL : Letter.Delivery.POST;
    String recipient = recipient(request);
    long id = archive.insert(request.id(), key, kind, request.language().name(), delivery, recipient,
        letter.subjectLine(), archivedBody, now);
    if (byEmail) {
      outbox.queue(key, id, recipient, letter.subjectLine(), letter.body(), now);
    } else {
      archive.markState(id, Letter.State.TO_POST, null, null);
    }
    return archive.findById(id).orElseThrow();
  }

  /**
   * Sends the letter that ends the request: the answer, or the Art 12(4) letter when identity could not be verified.
   * Answers whether a letter with the download code is to follow ({@link #sendDownloadCode}).
   */
  @Transactional
  public boolean sendClosingLetter(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    LetterKind kind = closingLetterKind(request);
    if (kind != LetterKind.ANSWER) {
      send(reference, kind, null, () -> whatWasMissing(reference), () -> request);
      return false;
    }
    // made only when the answer is really written, so a resent job makes no second link
    send(reference, kind, null, () -> {
      Map<String, Object> enclosed = new HashMap<>();
      enclosures.orderedStream().forEach(e -> enclosed.putAll(e.enclose(request, false)));
      return enclosed;
    }, () -> request);
    return enclosures.orderedStream().anyMatch(e -> e.codeToSend(request));
  }

  /**
   * Sends the code that opens the answer's download, in a letter of its own after the answer went: whoever reads one
   * mail cannot open the download alone. The code is made with the letter, so a job that runs again sends none twice.
   */
  @Transactional
  public void sendDownloadCode(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    send(reference, LetterKind.DELIVERY_CODE, null, () -> {
      Map<String, Object> code = new HashMap<>();
      enclosures.orderedStream().forEach(e -> code.putAll(e.issueCode(request)));
      if (code.values().stream().noneMatch(SecretCode.class::isInstance)) {
        throw new IllegalStateException("No download link of " + reference + " waits for a code.");
      }
      return code;
    });
  }

  /** The closing letter as it would go now, for the officer to read before approving it; nothing is stored. */
  @Transactional(readOnly = true)
  public LetterPreview previewClosingLetter(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    LetterKind kind = closingLetterKind(request);
    Map<String, Object> enclosed = new HashMap<>();
    if (kind == LetterKind.ANSWER) {
      enclosures.orderedStream().forEach(e -> enclosed.putAll(e.enclose(request, true)));
    } else {
      enclosed.putAll(whatWasMissing(reference));
    }
    return preview(reference, kind, enclosed);
  }

  /**
   * A letter as it would go with the given model (the officer's text as typed), for the officer to read before it is
   * sent; nothing is stored or sent.
   */
  @Transactional(readOnly = true)
  public LetterPreview preview(String reference, LetterKind kind, Map<String, Object> model) {
    DataSubjectRequest request = lifecycle.get(reference);
    LetterComposer.Composed letter = composer.compose(request, kind, model);
    return new LetterPreview(recipient(request), letter.subjectLine(), letter.body());
  }

  /** The oldest printed letter of the request that still waits to be posted. */
  @Transactional(readOnly = true)
  public Optional<Letter> nextToPost(String reference) {
    return archive.forRequest(reference).stream().filter(l -> l.state() == Letter.State.TO_POST).findFirst();
  }

  /** The request's letter of a kind it has only one of, once it has left: e-mailed (sent) or posted. */
  @Transactional(readOnly = true)
  public Optional<Letter> deliveredLetter(String reference, LetterKind kind) {
    return archive.forRequest(reference).stream()
        .filter(l -> l.kind() == kind && (l.state() == Letter.State.SENT || l.state() == Letter.State.POSTED))
        .findFirst();
  }

  /** The officer's page with what to print and enclose with the posted answer, if anything. */
  @Transactional(readOnly = true)
  public Optional<String> paperEnclosurePage(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    return enclosures.orderedStream().map(e -> e.paperEnclosurePage(request)).flatMap(Optional::stream).findFirst();
  }

  /** The Art 12(4) letter on an unverifiable identity says what was missing (Art 11(2), 12(6)). */
  private Map<String, Object> whatWasMissing(String reference) {
    Map<String, Object> model = new HashMap<>();
    model.put("identityMissing", lifecycle.whatWasMissingForIdentity(reference).orElse(null));
    return model;
  }

  private static LetterKind closingLetterKind(DataSubjectRequest request) {
    return request.outcome() == Outcome.UNVERIFIABLE ? LetterKind.UNVERIFIABLE : LetterKind.ANSWER;
  }

  private static String recipient(DataSubjectRequest request) {
    return request.subject().reachableByEmail()
        ? request.subject().email()
        : request.subject().name() + "\n" + request.subject().postalAddress();
  }

  /** The officer posted a printed letter; answers the letter. */
  @Transactional
  public Letter markPosted(long letterId, String officer) {
    Letter letter = archive.findById(letterId).orElseThrow();
    if (letter.state() == Letter.State.TO_POST) {
      archive.markState(letterId, Letter.State.POSTED, clock.instant(), officer);
      lifecycle.recordStep(lifecycle.get(letter.reference()), Step.LETTER_POSTED, officer, letter.kind().name());
    }
    return letter;
  }
}
