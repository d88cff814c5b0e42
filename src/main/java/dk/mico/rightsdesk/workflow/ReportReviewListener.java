package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.DELIVERY_NEEDED;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.REFUSAL_REASON;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.REVIEW_DECISION;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.REVIEW_NOTE;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_NEEDS_APPROVAL;

import dk.mico.rightsdesk.access.AccessReview;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The officer's review of the report: the task shows what the systems returned and links to the review page
 * (redaction, name-only matches, the report itself); completing it records the decision as the answer, which the
 * officer then sees as a letter before it goes.
 */
@Component
class ReportReviewListener implements TaskListener {

  /** The app's review page, on the same host as Tasklist. */
  static final String REVIEW_PAGE = "/officer/access/";

  private final RequestLifecycle lifecycle;
  private final AccessReview review;
  private final TaskScreen screen;

  ReportReviewListener(RequestLifecycle lifecycle, AccessReview review, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.review = review;
    this.screen = screen;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      screen.showRequest(task, lifecycle.get(reference));
      AccessReview.Summary summary = review.summary(reference);
      Map<String, Object> fields = new HashMap<>();
      fields.put("reviewPage", REVIEW_PAGE + reference);
      fields.put("reviewSummary", summary.records() + " record(s) found by the verified address, "
          + summary.nameOnly() + " by name alone (held back unless you release them), "
          + summary.flagged() + " passage(s) flagged as naming other people.");
      fields.put(REVIEW_DECISION, null);
      fields.put(REFUSAL_REASON, null);
      fields.put(REVIEW_NOTE, null);
      task.setVariablesLocal(fields);
      return;
    }
    try {
      boolean deliver = review.decide(reference, TaskScreen.field(task, REVIEW_DECISION),
          TaskScreen.field(task, REFUSAL_REASON), TaskScreen.field(task, REVIEW_NOTE),
          Officers.current(task.getProcessEngineServices()));
      task.getExecution().setVariable(DELIVERY_NEEDED, deliver);
      task.getExecution().setVariable(ANSWER_NEEDS_APPROVAL, true);
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
  }
}
