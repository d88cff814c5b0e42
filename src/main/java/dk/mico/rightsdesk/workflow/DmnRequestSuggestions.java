package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.InboundEmailProcessVariables.SUGGESTION_DECISION;

import dk.mico.rightsdesk.inbox.RequestSuggestions;
import dk.mico.rightsdesk.inbox.Suggestion;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The Danish and English words that suggest a right and a language, kept in a decision table
 * (processes/Decision_EmailRequestSuggestion.dmn) where the officers can read and change them.
 */
@Component
class DmnRequestSuggestions implements RequestSuggestions {

  /** The words that matter come early; a long mail is not read to its end for a suggestion. */
  private static final int READ_UP_TO = 20_000;

  private final DecisionService decisions;

  DmnRequestSuggestions(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public Suggestion suggest(String subjectAndText) {
    String text = subjectAndText == null ? "" : subjectAndText.toLowerCase(Locale.ROOT);
    DmnDecisionRuleResult first = decisions.evaluateDecisionTableByKey(SUGGESTION_DECISION,
        Map.of("text", text.length() <= READ_UP_TO ? text : text.substring(0, READ_UP_TO))).getFirstResult();
    return first == null ? new Suggestion(null, "da")
        : new Suggestion(entry(first, "suggestedType"), entry(first, "language"));
  }

  /** A row whose output cell is empty has no entry at all (getEntry would fail). */
  static String entry(DmnDecisionRuleResult row, String output) {
    return row.containsKey(output) ? row.getEntry(output) : null;
  }
}
