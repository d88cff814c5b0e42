package dk.mico.rightsdesk.recordkeeping;

import dk.mico.rightsdesk.fulfilment.RequestFindings;
import dk.mico.rightsdesk.notification.Letter;
import dk.mico.rightsdesk.notification.LetterArchive;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestStep;
import dk.mico.rightsdesk.request.Requests;
import dk.mico.rightsdesk.request.SubmissionLinks;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
      List<RequestFindings.RecordedFinding> findings, List<RequestFindings.RecordedChange> changes,
      List<Letter> letters, Instant compiledAt) {}

  private final RequestLifecycle lifecycle;
  private final Requests requests;
  private final SubmissionLinks links;
  private final RequestFindings findings;
  private final LetterArchive letters;
  private final Clock clock;

  CaseFiles(RequestLifecycle lifecycle, Requests requests, SubmissionLinks links, RequestFindings findings,
      LetterArchive letters, Clock clock) {
    this.lifecycle = lifecycle;
    this.requests = requests;
    this.links = links;
    this.findings = findings;
    this.letters = letters;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public CaseFile of(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    return new CaseFile(request, links.siblingsOf(reference), requests.steps(request.id()),
        findings.all(request.id()), findings.changes(request.id()), letters.forRequest(reference), clock.instant());
  }
}
