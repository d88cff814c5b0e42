package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.DOWNLOAD_CODE_TO_SEND;

import dk.mico.rightsdesk.notification.SubjectLetters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the letter that ends the request: the approved answer, or the Art 12(4) letter of an unverifiable one; says
 * whether the code of a download link in it is to follow.
 */
@Component
class SendClosingLetterDelegate implements JavaDelegate {

  private final SubjectLetters letters;

  SendClosingLetterDelegate(SubjectLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(DOWNLOAD_CODE_TO_SEND, letters.sendClosingLetter(execution.getProcessBusinessKey()));
  }
}
