package dk.mico.rightsdesk.systems;

import java.util.List;

/**
 * One record that a lookup found: where it is and what the declaration says about it, never its values.
 *
 * @param system the system
 * @param table the table
 * @param recordId the value of the record's id column, as text
 * @param categories the data categories the record holds, in the staff's words (Danish)
 * @param legalBasis the record's own legal basis where its column holds one, else the system's
 * @param source the record's own source where its column holds one (a code, e.g. {@code employer}), else null: the
 *     system's declared source applies
 * @param portable whether the subject provided the data (Art 20); null when the system does not say
 * @param restricted whether processing of the record is restricted (Art 18)
 * @param consentOnly whether the record is held only on consent (erased when consent is withdrawn)
 * @param matchedBy why it was found; findings not matched by a verified identifier wait for the officer's decision
 * @param matchedOn the kinds of identifier that matched ({@code email}, {@code phone}, {@code name}, a declared kind)
 */
public record Finding(
    SystemId system,
    String table,
    String recordId,
    List<String> categories,
    String legalBasis,
    String source,
    Boolean portable,
    boolean restricted,
    boolean consentOnly,
    MatchedBy matchedBy,
    List<String> matchedOn) {

  public Finding {
    categories = List.copyOf(categories);
    matchedOn = matchedOn == null ? List.of() : List.copyOf(matchedOn);
  }

  public Finding(SystemId system, String table, String recordId, List<String> categories, String legalBasis,
      String source, Boolean portable, boolean restricted, boolean consentOnly, MatchedBy matchedBy) {
    this(system, table, recordId, categories, legalBasis, source, portable, restricted, consentOnly, matchedBy,
        List.of());
  }

  public boolean verified() {
    return matchedBy.verified();
  }
}
