package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.notification.SubjectLetters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the letter that ends the request: the approved answer, or the Art 12(4) letter of an unverifiable one. */
@Component
class SendClosingLetterDelegate implements JavaDelegate {

  private final SubjectLetters letters;

  SendClosingLetterDelegate(SubjectLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    letters.sendClosingLetter(execution.getProcessBusinessKey());
  }
}
