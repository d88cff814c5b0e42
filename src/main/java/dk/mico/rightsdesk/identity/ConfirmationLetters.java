package dk.mico.rightsdesk.identity;

import dk.mico.rightsdesk.notification.LetterKind;
import dk.mico.rightsdesk.notification.PublicUrl;
import dk.mico.rightsdesk.notification.SecretLink;
import dk.mico.rightsdesk.notification.SubjectLetters;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestStatus;
import dk.mico.rightsdesk.request.SubmissionLinks;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The letters that carry a confirmation link: the first one, one sent again on request, and the reminder. */
@Service
public class ConfirmationLetters {

  private final EmailConfirmations confirmations;
  private final SubjectLetters letters;
  private final RequestLifecycle lifecycle;
  private final PublicUrl publicUrl;
  private final SubmissionLinks links;

  ConfirmationLetters(EmailConfirmations confirmations, SubjectLetters letters, RequestLifecycle lifecycle,
      PublicUrl publicUrl, SubmissionLinks links) {
    this.confirmations = confirmations;
    this.letters = letters;
    this.lifecycle = lifecycle;
    this.publicUrl = publicUrl;
    this.links = links;
  }

  /**
   * Sends a link and answers when it expires: the first one is valid for the full period, one sent again keeps that
   * expiry (the routine link may cost at most a week of the legal month, gdpr-rules.md §2). One submission naming
   * several rights gets one letter: the first request's link names the others and confirms them all; the others get
   * a link of their own (for their timers, and to send again from their status page) without a letter.
   * {@code occurrence} identifies this sending, so that a job that runs again does not send a second link.
   */
  @Transactional
  public Instant sendLink(String reference, String occurrence) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (request.status() != RequestStatus.AWAITING_CONFIRMATION) {
      // confirmed or closed while this job waited: a new link would only confuse
      return confirmations.latestExpiry(request);
    }
    Instant firstExpiry = confirmations.firstExpiry(request).orElse(null);
    if (firstExpiry == null && links.followsAnother(reference)) {
      return confirmations.issue(request, null).expiresAt(); // the first request's letter carries the link
    }
    letters.send(reference, LetterKind.CONFIRMATION_LINK, occurrence,
        () -> model(confirmations.issue(request, firstExpiry)));
    return confirmations.latestExpiry(request);
  }

  /** The one reminder before the link expires: a new link with the same expiry, since the old one is not kept. */
  @Transactional
  public void sendReminder(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (request.status() != RequestStatus.AWAITING_CONFIRMATION || links.followsAnother(reference)) {
      return; // confirmed or closed while this job waited, or the first request of the submission reminds
    }
    letters.send(reference, LetterKind.CONFIRMATION_REMINDER, null,
        () -> model(confirmations.issue(request, confirmations.latestExpiry(request))));
  }

  private Map<String, Object> model(EmailConfirmations.IssuedLink link) {
    return Map.of(
        "confirmationLink", new SecretLink(publicUrl.base() + "/confirm/" + link.token()),
        "linkExpiresAt", link.expiresAt());
  }
}
