package dk.mico.rightsdesk.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The request record: the system of record for one data-subject request. {@code consents}: for a withdrawal of
 * consent, the ids of the consents the subject chose; empty means every consent. {@code transmitTo}: for a
 * portability request, the controller the data is to be sent to directly (Art 20(2)), or null.
 */
public record DataSubjectRequest(
    long id,
    String reference,
    RequestType type,
    ObjectionScope objectionScope,
    Channel channel,
    Language language,
    Instant receivedAt,
    LocalDate originalDueDate,
    LocalDate dueDate,
    boolean extended,
    int pausedDays,
    RequestStatus status,
    Outcome outcome,
    Subject subject,
    String details,
    Representative representative,
    boolean identityVerified,
    String identityNote,
    String answerActions,
    String answerReason,
    Instant closedAt,
    Instant reducedAt, List<String> consents, ReceivingController transmitTo) {

  public DataSubjectRequest {
    consents = consents == null ? List.of() : List.copyOf(consents);
  }

  /** Whether a withdrawal of consent withdraws this consent: the ones the subject chose, or every one if none. */
  public boolean withdraws(String consentId) {
    return consents.isEmpty() || consents.contains(consentId);
  }

  public boolean isOpen() {
    return status != RequestStatus.CLOSED;
  }

  /**
   * Stopping direct marketing and withdrawing a consent act at once on the address given, with no confirmation step
   * first (gdpr-rules.md §3): stopping cannot harm the person, and withdrawing must be as easy as consenting.
   */
  public boolean actsWithoutConfirmation() {
    return actsAtOnce(type, objectionScope);
  }

  static boolean actsAtOnce(RequestType type, ObjectionScope objectionScope) {
    return type == RequestType.CONSENT_WITHDRAWAL
        || (type == RequestType.OBJECTION && objectionScope == ObjectionScope.DIRECT_MARKETING);
  }

  /**
   * Whether identity needs no officer's check: the officer verified it at registration, a web request proves control
   * of its address by the confirmation link, and the rights that act at once act on the address given.
   */
  public boolean identityEstablishedAtReceipt() {
    return identityVerified || channel == Channel.WEB || actsWithoutConfirmation();
  }

  /** A web request must prove control of its e-mail address, except where the right acts at once. */
  public boolean needsEmailConfirmation() {
    return channel == Channel.WEB && !actsWithoutConfirmation();
  }
}
