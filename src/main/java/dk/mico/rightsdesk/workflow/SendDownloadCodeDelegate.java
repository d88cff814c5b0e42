package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.notification.SubjectLetters;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the code of the answer's download link, in a letter of its own after the answer went. */
@Component
class SendDownloadCodeDelegate implements JavaDelegate {

  private final SubjectLetters letters;

  SendDownloadCodeDelegate(SubjectLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    letters.sendDownloadCode(execution.getProcessBusinessKey());
  }
}
