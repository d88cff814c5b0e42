package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.RightsProcessVariables.ACCURACY_DECISION;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.DECIDED_BY;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.Rectifications;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The officer's check of a rectification (Art 16): correct a column, add a supplementary statement, or keep the
 * data as accurate with reasons. The corrected value stays a task-local field, which ends with the task; the process
 * gets only the decision.
 */
@Component
class CheckAccuracyListener extends RequestTaskListener {

  private final Rectifications rectifications;
  private final Discovery discovery;

  CheckAccuracyListener(RequestLifecycle lifecycle, Rectifications rectifications, Discovery discovery,
      TaskScreen screen) {
    super(lifecycle, screen);
    this.rectifications = rectifications;
    this.discovery = discovery;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    Map<String, Object> fields =
        inputFields("accuracyDecision", "rectifyColumn", "correctedValue", "accuracyStatement");
    fields.put("correctableColumns", String.join(", ", rectifications.correctableColumns(request.reference())));
    // records found by identifiers that prove nothing are confirmed or rejected on the review page first
    fields.put("candidateCount", String.valueOf(discovery.candidates(request.reference()).size()));
    fields.put("reviewLink", "/officer/review/" + request.reference());
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String officer) {
    discovery.requireCandidatesDecided(reference);
    String decision = TaskScreen.field(task, "accuracyDecision");
    rectifications.recordCheck(reference, decision, TaskScreen.field(task, "rectifyColumn"),
        TaskScreen.field(task, "correctedValue"), TaskScreen.field(task, "accuracyStatement"), officer);
    task.getExecution().setVariable(ACCURACY_DECISION, decision);
    task.getExecution().setVariable(DECIDED_BY, officer);
  }
}
