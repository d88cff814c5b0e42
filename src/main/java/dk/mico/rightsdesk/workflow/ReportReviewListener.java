package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.DELIVERY_NEEDED;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.REFUSAL_REASON;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.REVIEW_DECISION;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.REVIEW_NOTE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_NEEDS_APPROVAL;

import dk.mico.rightsdesk.access.AccessReview;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The officer's review of the report: the task shows what the systems returned and links to the review page
 * (redaction, name-only matches, the report itself); completing it records the decision as the answer, which the
 * officer then sees as a letter before it goes.
 */
@Component
class ReportReviewListener extends RequestTaskListener {

  /** The app's review page, on the same host as Tasklist. */
  static final String REVIEW_PAGE = "/officer/access/";

  private final AccessReview review;

  ReportReviewListener(RequestLifecycle lifecycle, AccessReview review, TaskScreen screen) {
    super(lifecycle, screen);
    this.review = review;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    AccessReview.Summary summary = review.summary(request.reference());
    Map<String, Object> fields = inputFields(REVIEW_DECISION, REFUSAL_REASON, REVIEW_NOTE);
    fields.put("reviewPage", REVIEW_PAGE + request.reference());
    fields.put("reviewSummary", summary.records() + " record(s) found by the verified address, "
        + summary.nameOnly() + " by name alone (held back unless you release them), "
        + summary.flagged() + " passage(s) flagged as naming other people.");
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String officer) {
    boolean deliver = review.decide(reference, TaskScreen.field(task, REVIEW_DECISION),
        TaskScreen.field(task, REFUSAL_REASON), TaskScreen.field(task, REVIEW_NOTE), officer);
    task.getExecution().setVariable(DELIVERY_NEEDED, deliver);
    task.getExecution().setVariable(ANSWER_NEEDS_APPROVAL, true);
  }
}
