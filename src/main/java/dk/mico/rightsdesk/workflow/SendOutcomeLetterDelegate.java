package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.LETTER_KIND;

import dk.mico.rightsdesk.notification.LetterKind;
import dk.mico.rightsdesk.notification.OutcomeLetters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the Art 12 letter named by the task's {@code letterKind} input (extension, duplicate, refusal, ...). */
@Component
class SendOutcomeLetterDelegate implements JavaDelegate {

  private final OutcomeLetters letters;

  SendOutcomeLetterDelegate(OutcomeLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LetterKind kind = LetterKind.valueOf((String) execution.getVariableLocal(LETTER_KIND));
    letters.send(execution.getProcessBusinessKey(), kind);
  }
}
