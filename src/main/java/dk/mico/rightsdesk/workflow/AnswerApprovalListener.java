package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.ANSWER_APPROVED;

import dk.mico.rightsdesk.notification.LetterPreview;
import dk.mico.rightsdesk.notification.SubjectLetters;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the officer the answer letter exactly as it will go, and takes the decision to send it or change it. */
@Component
class AnswerApprovalListener implements TaskListener {

  private final SubjectLetters letters;
  private final RequestLifecycle lifecycle;

  AnswerApprovalListener(SubjectLetters letters, RequestLifecycle lifecycle) {
    this.letters = letters;
    this.lifecycle = lifecycle;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      LetterPreview preview = letters.previewClosingLetter(reference);
      Map<String, Object> screen = new HashMap<>();
      screen.put("requestReference", reference);
      screen.put("letterRecipient", preview.recipient());
      screen.put("letterSubject", preview.subjectLine());
      screen.put("letterPreview", preview.body());
      screen.put("answerDecision", null);
      task.setVariablesLocal(screen);
      return;
    }
    String decision = TaskScreen.field(task, "answerDecision");
    if (!"SEND".equals(decision) && !"REVISE".equals(decision)) {
      throw TaskScreen.formError(new InvalidRequestException(
          List.of(new Violation("answerDecision", "choose to send the letter or to change the answer"))));
    }
    boolean approved = "SEND".equals(decision);
    if (approved) {
      lifecycle.recordStep(lifecycle.get(reference), Step.ANSWER_APPROVED,
          Officers.current(task.getProcessEngineServices()), null);
    }
    task.getExecution().setVariable(ANSWER_APPROVED, approved);
  }
}
