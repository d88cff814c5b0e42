package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_REPLY_DUE_AT;

import dk.mico.rightsdesk.notification.OutcomeLetters;
import dk.mico.rightsdesk.request.IdentityInformationRequest;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the subject the officer's request for identity information; the reply is awaited until it is due. */
@Component
class SendIdentityInformationRequestDelegate implements JavaDelegate {

  private final OutcomeLetters letters;

  SendIdentityInformationRequestDelegate(OutcomeLetters letters) {
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    IdentityInformationRequest sent = letters.sendIdentityInformationRequest(execution.getProcessBusinessKey());
    execution.setVariable(IDENTITY_REPLY_DUE_AT, Date.from(sent.replyDueAt()));
  }
}
