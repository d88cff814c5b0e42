package dk.mico.rightsdesk.recordkeeping;

import dk.mico.rightsdesk.access.AccessReview;
import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.fulfilment.RecipientNotices;
import dk.mico.rightsdesk.fulfilment.Rectifications;
import dk.mico.rightsdesk.fulfilment.RequestFindings;
import dk.mico.rightsdesk.notification.Letter;
import dk.mico.rightsdesk.notification.LetterArchive;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.request.RequestStep;
import dk.mico.rightsdesk.request.Requests;
import dk.mico.rightsdesk.request.SubmissionLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the record holds about one request, in one document the officer can hand to Datatilsynet: the request
 * and the person, every step with its time and actor, the decisions and their reasons, what was found and changed in
 * the company's systems, and every letter as it was sent. It holds personal data: officers only.
 */
@Service
public class CaseFiles {

  /** One request's case file as of {@code compiledAt}. */
  public record CaseFile(DataSubjectRequest request, List<String> linkedReferences, List<RequestStep> steps,
      RequestMarks.Marks marks, Decisions decisions, List<RequestFindings.RecordedFinding> findings,
      List<RequestFindings.RecordedChange> changes, List<Letter> letters, Instant compiledAt) {}

  /**
   * The officer's decisions the right called for, each read from the package that owns it: the access review, the
   * legal-basis proposals with their decisions and justifications, the rectification check, the balancing of an
   * objection, and the notices to recipients (Art 19). Empty where the right had none.
   */
  public record Decisions(Optional<AccessReview.Review> accessReview, List<Proposal> proposals,
      Optional<Rectifications.Check> rectificationCheck, Optional<LegalBasisReview.Balancing> balancing,
      List<RecipientNotices.Notice> recipientNotices) {}

  private final RequestLifecycle lifecycle;
  private final Requests requests;
  private final SubmissionLinks links;
  private final RequestFindings findings;
  private final LetterArchive letters;
  private final RequestMarks marks;
  private final AccessReview accessReview;
  private final LegalBasisReview legalBasisReview;
  private final Rectifications rectifications;
  private final RecipientNotices recipientNotices;
  private final Clock clock;

  CaseFiles(RequestLifecycle lifecycle, Requests requests, SubmissionLinks links, RequestFindings findings,
      LetterArchive letters, RequestMarks marks, AccessReview accessReview, LegalBasisReview legalBasisReview,
      Rectifications rectifications, RecipientNotices recipientNotices, Clock clock) {
    this.lifecycle = lifecycle;
    this.requests = requests;
    this.links = links;
    this.findings = findings;
    this.letters = letters;
    this.marks = marks;
    this.accessReview = accessReview;
    this.legalBasisReview = legalBasisReview;
    this.rectifications = rectifications;
    this.recipientNotices = recipientNotices;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CaseFile of(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    Decisions decisions = new Decisions(accessReview.review(reference), legalBasisReview.proposals(reference),
        rectifications.check(reference), legalBasisReview.balancing(reference),
        recipientNotices.notices(reference));
    return new CaseFile(request, links.siblingsOf(reference), requests.steps(request.id()), marks.of(request.id()),
        decisions, findings.all(request.id()), findings.changes(request.id()), letters.forRequest(reference),
        clock.instant());
  }
}
