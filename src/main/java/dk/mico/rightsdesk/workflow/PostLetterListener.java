package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.IDENTITY_REPLY_DUE_AT;

import dk.mico.rightsdesk.notification.Letter;
import dk.mico.rightsdesk.notification.LetterKind;
import dk.mico.rightsdesk.notification.OutcomeLetters;
import dk.mico.rightsdesk.notification.SubjectLetters;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A printed letter for a subject without e-mail: shown for printing (with a link to the files to enclose with an
 * access or portability answer), and marked posted when the officer says so.
 */
@Component
class PostLetterListener implements TaskListener {

  private static final String LETTER_ID = "letterId";

  private final SubjectLetters letters;
  private final OutcomeLetters outcomeLetters;

  PostLetterListener(SubjectLetters letters, OutcomeLetters outcomeLetters) {
    this.letters = letters;
    this.outcomeLetters = outcomeLetters;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      Letter letter = letters.nextToPost(reference)
          .orElseThrow(() -> new IllegalStateException(reference + " has no letter waiting to be posted"));
      Map<String, Object> screen = new HashMap<>();
      screen.put(LETTER_ID, letter.id());
      screen.put("requestReference", reference);
      screen.put("letterRecipient", letter.recipient());
      screen.put("letterSubject", letter.subjectLine());
      screen.put("letterText", letter.body());
      screen.put("letterPosted", false);
      if (letter.kind() == LetterKind.ANSWER) {
        letters.paperEnclosurePage(reference).ifPresent(page -> screen.put("enclosurePage", page));
      }
      task.setVariablesLocal(screen);
      return;
    }
    if (!Boolean.TRUE.equals(task.getVariableLocal("letterPosted"))) {
      throw TaskScreen.formError(new InvalidRequestException(
          List.of(new Violation("letterPosted", "tick it once the letter is posted"))));
    }
    // a request for identity information goes out, and may pause the clock, when posted: its reply is due from then
    outcomeLetters.letterPosted((Long) task.getVariableLocal(LETTER_ID),
            Officers.current(task.getProcessEngineServices()))
        .ifPresent(sent -> task.getExecution().setVariable(IDENTITY_REPLY_DUE_AT, Date.from(sent.replyDueAt())));
  }
}
