package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.fulfilment.LegalBasisRules;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/** The legal-basis decision tables, evaluated by the engine, so that Cockpit shows every evaluation. */
@Component
class DmnLegalBasisRules implements LegalBasisRules {

  private final DecisionService decisions;

  DmnLegalBasisRules(DecisionService decisions) {
    this.decisions = decisions;
  }

  @Override
  public Map<String, Object> decide(String decision, Map<String, Object> facts) {
    DmnDecisionTableResult result = decisions.evaluateDecisionTableByKey(decision, facts);
    return result.getSingleResult().getEntryMap();
  }
}
