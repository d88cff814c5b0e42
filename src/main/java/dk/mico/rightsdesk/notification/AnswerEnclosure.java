package dk.mico.rightsdesk.notification;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import java.util.Map;
import java.util.Optional;

/**
 * What a right's fulfilment encloses with the answer letter, such as the link to download an access report. The
 * entries are added to the answer's template model. The code that opens a download goes in a letter of its own
 * ({@link LetterKind#DELIVERY_CODE}), sent after the answer, never in the letter with the link.
 */
public interface AnswerEnclosure {

  /**
   * The model entries for this request's answer; empty when there is nothing to enclose. For a preview nothing
   * secret is made: the entries are stand-ins that say what the letter will carry.
   */
  Map<String, Object> enclose(DataSubjectRequest request, boolean preview);

  /** Whether the answer's download link went out and still waits for the letter with its code. */
  boolean codeToSend(DataSubjectRequest request);

  /**
   * The model of the code letter, with a {@link SecretCode} made and stored now (call it only when that letter is
   * really written); empty when no link waits for a code.
   */
  Map<String, Object> issueCode(DataSubjectRequest request);

  /** The officer's page with what to print and enclose with a posted answer; empty when nothing goes on paper. */
  Optional<String> paperEnclosurePage(DataSubjectRequest request);
}
