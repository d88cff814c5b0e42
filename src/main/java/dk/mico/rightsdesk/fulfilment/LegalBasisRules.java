package dk.mico.rightsdesk.fulfilment;

import java.util.Map;

/**
 * The decision tables of the legal-basis review (processes/Decision_*.dmn), evaluated where the engine is wired, so
 * that this package knows nothing of Camunda.
 */
public interface LegalBasisRules {

  /** The erasure table (Art 17). */
  String ERASURE = "Decision_ErasureProposal";
  /** The restriction table (Art 18(1)). */
  String RESTRICTION = "Decision_RestrictionProposal";
  /** The general objection table (Art 21(1)). */
  String OBJECTION = "Decision_ObjectionProposal";

  /** The row that answers these facts: {@code proposal}, {@code article}, {@code reasonCode}, maybe {@code suppress}. */
  Map<String, Object> decide(String decision, Map<String, Object> facts);
}
