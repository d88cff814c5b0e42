package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.notification.Letter;
import dk.mico.rightsdesk.notification.LetterKind;
import dk.mico.rightsdesk.notification.LetterPreview;
import dk.mico.rightsdesk.notification.LetterSent;
import dk.mico.rightsdesk.notification.SubjectLetters;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.request.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lifting a restriction is a step of its own (Art 18(3)): the officer decides it with a reason, the subject is told
 * first with the date and the reason, and the restriction is lifted on that date, in each system, and the
 * recipients are told; where the owners restricted by hand, they get a task to lift it there by hand.
 */
@Service
public class RestrictionLifts {

  /** The officer's decision to lift. */
  public record Lift(String reason, LocalDate liftOn) {}

  /**
   * The subject's notice as it went: queued as an e-mail, or printed, to be posted by {@code postBy} (the date in the
   * letter counts from posting that day). The moment of lifting is known once it is delivered.
   */
  public record Notice(Instant postBy) {

    public boolean toPost() {
      return postBy != null;
    }
  }

  private final JdbcClient jdbc;
  private final RequestLifecycle lifecycle;
  private final LegalBasisReview review;
  private final SubjectLetters letters;
  private final WorkByHand work;
  private final RightsWorkflow workflow;
  private final LegalCalendar calendar;
  private final Period notice;
  private final Period postalDelivery;
  private final Clock clock;

  RestrictionLifts(JdbcClient jdbc, RequestLifecycle lifecycle, LegalBasisReview review, SubjectLetters letters,
      WorkByHand work, RightsWorkflow workflow, LegalCalendar calendar,
      @Value("${rightsdesk.rights.restriction-lift-notice:P7D}") Period notice,
      @Value("${rightsdesk.rights.postal-delivery:P3D}") Period postalDelivery, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.review = review;
    this.letters = letters;
    this.work = work;
    this.workflow = workflow;
    this.calendar = calendar;
    this.notice = notice;
    this.postalDelivery = postalDelivery;
    this.clock = clock;
  }

  /**
   * The officer decides to lift the restrictions a request set. The subject's notice goes at once; the lifting
   * follows after the notice period. Refused with a problem naming the field where there is nothing to lift, it was
   * decided already, or no reason is given.
   */
  @Transactional
  public Lift decide(String reference, String reason, String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (request.type() != RequestType.RESTRICTION
        || review.proposals(request.id()).stream().noneMatch(p -> "RESTRICT".equals(p.outcome()))
        && work.systemsRestrictedByHand(reference).isEmpty()) {
      throw new InvalidRequestException(List.of(new Violation("reference", "restricted nothing that could be lifted")));
    }
    if (find(request.id()) != null) {
      throw new InvalidRequestException(List.of(new Violation("reference", "its lifting was decided already")));
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException(List.of(new Violation("reason",
          "is required: the subject is told why the restriction is lifted (Art 18(3))")));
    }
    LocalDate liftOn = LocalDate.now(clock.withZone(calendar.zone())).plus(notice);
    jdbc.sql("INSERT INTO restriction_lift (request_id, reason, lift_on, decided_by, decided_at) "
            + "VALUES (?, ?, ?, ?, ?)")
        .params(request.id(), reason.strip(), java.sql.Date.valueOf(liftOn), officer,
            clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    lifecycle.recordStep(request, Step.RESTRICTION_LIFT_DECIDED, officer, liftOn.toString());
    workflow.liftRestriction(reference);
    return new Lift(reason.strip(), liftOn);
  }

  /**
   * Tells the subject, before anything is lifted, when and why (Art 18(3)). The date in the letter counts from when
   * it is written, not from the decision; a notice written already keeps its date. An e-mail is queued in the outbox;
   * a subject without e-mail gets a printed letter whose date counts from posting it today and the days the post
   * takes. Either way the lifting waits for its delivery ({@link #noticeDelivered}).
   */
  @Transactional
  public Notice sendNotice(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    Lift lift = find(request.id());
    if (lift == null) {
      throw new IllegalStateException(reference + " has no decided lifting");
    }
    Letter letter = letters.send(reference, LetterKind.RESTRICTION_LIFT_NOTICE, null, () -> {
      LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
      LocalDate liftOn = request.subject().reachableByEmail()
          ? today.plus(notice) : today.plus(postalDelivery).plus(notice);
      setLiftOn(request.id(), liftOn);
      return Map.of("liftReason", lift.reason(), "liftOn", Wording.date(liftOn, request.language().locale()));
    });
    if (letter.state() == Letter.State.TO_POST) {
      return new Notice(calendar.endOfDay(calendar.receiptDate(letter.composedAt())).minusSeconds(1));
    }
    return new Notice(null);
  }

  /** The mail server took the e-mailed notice of lifting: the lifting may start counting (Art 18(3)). */
  @EventListener
  void onLetterSent(LetterSent sent) {
    if (sent.kind() == LetterKind.RESTRICTION_LIFT_NOTICE) {
      workflow.liftNoticeDelivered(sent.reference());
    }
  }

  /**
   * The notice has left: the subject has the whole notice period from the day it reaches them (the day the mail
   * server took the e-mail, so that a mail outage of days delays the lifting as long; or the posting plus
   * {@code rightsdesk.rights.postal-delivery}), and never less than the date the letter states. Answers the moment
   * of lifting.
   */
  @Transactional
  public Instant noticeDelivered(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    Letter letter = letters.deliveredLetter(reference, LetterKind.RESTRICTION_LIFT_NOTICE)
        .orElseThrow(() -> new IllegalStateException(reference + " has no delivered notice of lifting"));
    LocalDate reachesSubject = calendar.receiptDate(letter.deliveredAt());
    if (letter.delivery() == Letter.Delivery.POST) {
      reachesSubject = reachesSubject.plus(postalDelivery);
    }
    LocalDate fromDelivery = reachesSubject.plus(notice);
    LocalDate stated = find(request.id()).liftOn();
    LocalDate liftOn = fromDelivery.isAfter(stated) ? fromDelivery : stated;
    setLiftOn(request.id(), liftOn);
    return liftOn.atStartOfDay(calendar.zone()).toInstant();
  }

  private void setLiftOn(long requestId, LocalDate liftOn) {
    jdbc.sql("UPDATE restriction_lift SET lift_on = ? WHERE request_id = ?")
        .params(java.sql.Date.valueOf(liftOn), requestId)
        .update();
  }

  /** The notice as it would go with the reason as typed, lifting after the notice period; nothing is stored. */
  @Transactional(readOnly = true)
  public LetterPreview previewNotice(String reference, String reason) {
    DataSubjectRequest request = lifecycle.get(reference);
    LocalDate liftOn = LocalDate.now(clock.withZone(calendar.zone())).plus(notice);
    Map<String, Object> model = new HashMap<>();
    model.put("liftReason", reason);
    model.put("liftOn", Wording.date(liftOn, request.language().locale()));
    return letters.preview(reference, LetterKind.RESTRICTION_LIFT_NOTICE, model);
  }

  private Lift find(long requestId) {
    return jdbc.sql("SELECT reason, lift_on FROM restriction_lift WHERE request_id = ?")
        .param(requestId)
        .query((rs, n) -> new Lift(rs.getString(1), rs.getDate(2).toLocalDate()))
        .optional()
        .orElse(null);
  }
}
