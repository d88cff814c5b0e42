package dk.mico.rightsdesk.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.fulfilment.RequestFindings;
import dk.mico.rightsdesk.notification.Letter;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.ReceivingController;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.request.RequestStatus;
import dk.mico.rightsdesk.request.RequestStep;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A request as the API shows it (design.md contract). Contact data and letters only for officers. A request reduced
 * to its minimal log (F36) says when; it has no contact data, letters, findings or changes left. {@code consents}:
 * the consents a withdrawal of consent named (absent: every consent). {@code transmitTo} (officers only): the
 * controller a portability request asks the data sent to directly (Art 20(2)).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RequestView(
    String reference,
    String type,
    String objectionScope,
    List<String> consents,
    ReceivingController transmitTo,
    String channel,
    String status,
    String outcome,
    OffsetDateTime receivedAt,
    LocalDate originalDueDate,
    LocalDate dueDate,
    boolean extended,
    int pausedDays,
    OffsetDateTime closedAt,
    OffsetDateTime reducedAt,
    List<StepView> history,
    SubjectView subject,
    List<LetterView> letters,
    List<RequestFindings.RecordedFinding> findings,
    List<RequestFindings.RecordedChange> changes,
    List<String> linkedReferences,
    Outcomes outcomes) {

  /**
   * What the deadline watch and the Art 12 outcomes add: when the request became overdue (null when it is not), the
   * extension's reason code, the open request a duplicate names, the customer it was forwarded to, the fee announced.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Outcomes(boolean overdue, OffsetDateTime overdueSince, String extensionReasonCode, String duplicateOf,
      String forwardedTo, Integer feeAnnounced) {

    static Outcomes of(RequestMarks.Marks marks, LegalCalendar calendar) {
      return new Outcomes(marks.overdueSince() != null, local(marks.overdueSince(), calendar),
          marks.extensionReasonCode() == null ? null : marks.extensionReasonCode().name(), marks.duplicateOf(),
          marks.forwardedTo(), marks.feeAnnounced());
    }
  }

  RequestView with(Outcomes added) {
    return new RequestView(reference, type, objectionScope, consents, transmitTo, channel, status, outcome, receivedAt, originalDueDate,
        dueDate, extended, pausedDays, closedAt, reducedAt, history, subject, letters, findings, changes,
        linkedReferences, added);
  }

  record StepView(OffsetDateTime at, String step, String actor, String note) {}

  record SubjectView(String name, String email, String phone, String postalAddress, String details,
      String representative, Boolean representativeMandateChecked, boolean identityVerified, String identityNote) {}

  record LetterView(String kind, String delivery, String state, String recipient, String subjectLine, String body,
      OffsetDateTime composedAt, OffsetDateTime deliveredAt) {}

  /** What the officer sees beyond the metadata: the letters, and what the company's systems held and had changed. */
  record Casework(List<Letter> letters, List<RequestFindings.RecordedFinding> findings,
      List<RequestFindings.RecordedChange> changes) {}

  static RequestView of(DataSubjectRequest r, List<RequestStep> steps, Casework casework, boolean withContactData,
      LegalCalendar calendar) {
    List<Letter> letters = casework == null ? null : casework.letters();
    return new RequestView(
        r.reference(),
        r.type().name(),
        r.objectionScope() == null ? null : r.objectionScope().name(),
        r.consents().isEmpty() ? null : r.consents(),
        withContactData ? r.transmitTo() : null,
        r.channel().name(),
        r.status().name(),
        r.status() == RequestStatus.CLOSED && r.outcome() != null ? r.outcome().name() : null,
        local(r.receivedAt(), calendar),
        r.originalDueDate(),
        r.dueDate(),
        r.extended(),
        r.pausedDays(),
        local(r.closedAt(), calendar),
        local(r.reducedAt(), calendar),
        steps == null ? null : steps.stream()
            .map(s -> new StepView(local(s.occurredAt(), calendar), s.step(), s.actor(), s.note()))
            .toList(),
        withContactData ? new SubjectView(r.subject().name(), r.subject().email(), r.subject().phone(),
            r.subject().postalAddress(), r.details(),
            r.representative() == null ? null : r.representative().name(),
            r.representative() == null ? null : r.representative().mandateChecked(),
            r.identityVerified(), r.identityNote()) : null,
        letters == null ? null : letters.stream()
            .map(l -> new LetterView(l.kind().name(), l.delivery().name(), l.state().name(), l.recipient(),
                l.subjectLine(), l.body(), local(l.composedAt(), calendar), local(l.deliveredAt(), calendar)))
            .toList(),
        casework == null ? null : casework.findings(),
        casework == null ? null : casework.changes(),
        null, null);
  }

  /** The same view naming the other requests of the submission it came in (several rights in one submission). */
  RequestView withLinkedReferences(List<String> references) {
    return new RequestView(reference, type, objectionScope, consents, transmitTo, channel, status, outcome, receivedAt, originalDueDate,
        dueDate, extended, pausedDays, closedAt, reducedAt, history, subject, letters, findings, changes,
        references.isEmpty() ? null : references, outcomes);
  }

  /** Instants carry the Copenhagen offset on the wire, so a reader sees the local time with its offset. */
  static OffsetDateTime local(Instant instant, LegalCalendar calendar) {
    return instant == null ? null : instant.atZone(calendar.zone()).toOffsetDateTime();
  }
}
