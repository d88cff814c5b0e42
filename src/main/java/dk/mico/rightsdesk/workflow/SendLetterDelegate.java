package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.LETTER_KIND;

import dk.mico.rightsdesk.notification.LetterKind;
import dk.mico.rightsdesk.notification.SubjectLetters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the letter named by the task's {@code letterKind} input (acknowledgement, unconfirmed, withdrawal). */
@Component
class SendLetterDelegate implements JavaDelegate {

  private final SubjectLetters letters;

  SendLetterDelegate(SubjectLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LetterKind kind = LetterKind.valueOf((String) execution.getVariableLocal(LETTER_KIND));
    letters.send(execution.getProcessBusinessKey(), kind);
  }
}
