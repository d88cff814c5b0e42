package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.ReceivingController;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Art 20(2) by hand: the officer sends a portability answer's files to the controller the subject named, or says why
 * that was not technically feasible. The answer letter says which, in the subject's language.
 */
@Service
public class Transmissions {

  public static final String SENT = "SENT";
  public static final String NOT_FEASIBLE = "NOT_FEASIBLE";
  private static final int MAX_REASON = 1000;

  private final RequestLifecycle lifecycle;
  private final MessageSource messages;

  Transmissions(RequestLifecycle lifecycle, MessageSource messages) {
    this.lifecycle = lifecycle;
    this.messages = messages;
  }

  /** Whether the approved files are to be sent to another controller too. */
  @Transactional(readOnly = true)
  public boolean wanted(String reference) {
    return lifecycle.get(reference).transmitTo() != null;
  }

  /** Records what the officer did; bad input names the field and changes nothing. */
  @Transactional
  public void record(String reference, String result, String reason, String officer) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (!SENT.equals(result) && !NOT_FEASIBLE.equals(result)) {
      throw new InvalidRequestException(List.of(new Violation("transmission", "say whether the files were sent")));
    }
    if (NOT_FEASIBLE.equals(result) && why == null) {
      throw new InvalidRequestException(List.of(new Violation("notFeasibleReason",
          "is required: the letter must tell the subject why the files could not be sent")));
    }
    if (why != null && why.length() > MAX_REASON) {
      throw new InvalidRequestException(List.of(new Violation("notFeasibleReason",
          "is too long (at most " + MAX_REASON + " characters)")));
    }
    DataSubjectRequest request = lifecycle.get(reference);
    ReceivingController controller = request.transmitTo();
    if (controller == null) {
      throw new IllegalStateException(reference + " names no controller to send the files to");
    }
    if (SENT.equals(result)) {
      lifecycle.addToAnswer(reference, text("portability.answer.transmitted", request, controller.name()),
          Step.SENT_TO_OTHER_CONTROLLER, officer, null);
    } else {
      lifecycle.addToAnswer(reference, text("portability.answer.notTransmitted", request, controller.name(), why),
          Step.NOT_SENT_TO_OTHER_CONTROLLER, officer, why);
    }
  }

  private String text(String key, DataSubjectRequest request, Object... args) {
    return messages.getMessage(key, args, request.language().locale());
  }
}
