package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.IdentityInformationRequest;
import dk.mico.rightsdesk.request.RequestDeadlines;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The request for identity information on the officer's screens: what was asked, whether it paused the clock, and
 * the reply (on "Check identity" after a reply, and on "Register the subject's reply"). On completing the latter,
 * registers the reply that came by e-mail, phone or letter; the clock then runs again.
 */
@Component
class IdentityReplyListener extends RequestTaskListener {

  private final RequestDeadlines deadlines;
  private final LegalCalendar calendar;

  IdentityReplyListener(RequestLifecycle lifecycle, RequestDeadlines deadlines, TaskScreen screen,
      LegalCalendar calendar) {
    super(lifecycle, screen);
    this.deadlines = deadlines;
    this.calendar = calendar;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    Optional<IdentityInformationRequest> asked = deadlines.latestInformationRequest(request.reference());
    Map<String, Object> fields = new HashMap<>();
    fields.put("informationAsked", asked.map(IdentityInformationRequest::whatIsNeeded).orElse(null));
    fields.put("clockPausedText", asked.map(a -> a.pausedTheClock()
        ? "Yes: asked within the set working days of receipt; the days waited are added to the deadline"
        : "No: asked too late to pause the clock (gdpr-rules.md §2)").orElse(null));
    fields.put("replyDueText", asked.map(a -> a.replyDueAt() == null ? null
        : calendar.receiptDate(a.replyDueAt()).toString()).orElse(null));
    fields.put("identityReply", asked.map(IdentityInformationRequest::reply).orElse(null));
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String officer) {
    deadlines.replyRegisteredByOfficer(reference, TaskScreen.field(task, "identityReply"), officer);
  }
}
