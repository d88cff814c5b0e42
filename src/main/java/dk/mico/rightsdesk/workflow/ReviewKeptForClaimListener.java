package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.CLAIM_REVIEW_DECISION;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.REVIEW_AT;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The officer's review of records kept for a legal claim (Art 17(3)(e), F19), on the review day: shows the records
 * and the claim; kept, the next review day moves the timer on; over, they are erased by the next step.
 */
@Component
class ReviewKeptForClaimListener extends RequestTaskListener {

  static final String NEXT_REVIEW_ON = "nextReviewOn";

  private final LegalBasisReview review;
  private final LegalCalendar calendar;

  ReviewKeptForClaimListener(RequestLifecycle lifecycle, TaskScreen screen, LegalBasisReview review,
      LegalCalendar calendar) {
    super(lifecycle, screen);
    this.review = review;
    this.calendar = calendar;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    List<Proposal> kept = review.keptForClaim(request.reference(), reviewDay(task));
    Map<String, Object> fields = inputFields(CLAIM_REVIEW_DECISION, NEXT_REVIEW_ON);
    fields.put("keptRecords", kept.stream()
        .map(p -> p.system() + ": " + p.table() + " " + p.recordId() + " (" + String.join(", ", p.categories()) + ")")
        .collect(Collectors.joining("\n")));
    fields.put("claim", kept.stream().map(Proposal::justification).distinct().collect(Collectors.joining("\n")));
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String officer) {
    String decision = TaskScreen.field(task, CLAIM_REVIEW_DECISION);
    LocalDate next = date(TaskScreen.field(task, NEXT_REVIEW_ON));
    review.recordClaimReview(reference, reviewDay(task), decision, next, officer);
    // the form's fields are the task's own; the gateway after the task reads the decision from the process
    task.getExecution().setVariable(CLAIM_REVIEW_DECISION, decision);
    if (LegalBasisReview.CLAIM_STILL_NEEDED.equals(decision)) {
      task.getExecution().setVariable(REVIEW_AT, Date.from(next.atStartOfDay(calendar.zone()).toInstant()));
    }
  }

  private LocalDate reviewDay(DelegateTask task) {
    return LocalDate.ofInstant(((Date) task.getExecution().getVariable(REVIEW_AT)).toInstant(), calendar.zone());
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(List.of(new Violation(NEXT_REVIEW_ON, "is not a date (yyyy-mm-dd)")));
    }
  }
}
