package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.fulfilment.RequestFindings.Candidate;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.TextRules;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.CompanyProperties;
import dk.mico.rightsdesk.systems.Finding;
import dk.mico.rightsdesk.systems.Identifiers;
import dk.mico.rightsdesk.systems.SystemId;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks the subject up in the company's systems, one system at a time (each its own retried job), by every identifier
 * the officer has, and records what was found with the request. Only the identifiers the request established make a
 * record the subject's: the e-mail address it was confirmed with (or, for the rights that act at once, the address
 * given). The name, the phone number and postal address given and the identifiers the officer added only make
 * candidates, which the officer confirms ("this is the subject", with a note) or rejects.
 */
@Service
public class Discovery {

  private final CompanySystems systems;
  private final RequestFindings findings;
  private final SubjectIdentifiers identifiers;
  private final RequestLifecycle lifecycle;
  private final Clock clock;

  Discovery(CompanySystems systems, RequestFindings findings, SubjectIdentifiers identifiers,
      RequestLifecycle lifecycle, Clock clock) {
    this.systems = systems;
    this.findings = findings;
    this.identifiers = identifiers;
    this.lifecycle = lifecycle;
    this.clock = clock;
  }

  /** The systems a lookup runs in: every system reached over JDBC (manual ones are the owner's task). */
  public List<String> searchableSystems() {
    return systems.systems().stream()
        .filter(s -> s.accessMode() == CompanyProperties.Access.JDBC)
        .map(CompanyProperties.SystemDeclaration::id)
        .toList();
  }

  /** Records what one system holds on the subject, and answers it (name-only candidates included, marked). */
  @Transactional
  public List<Finding> discover(String reference, String systemId) {
    DataSubjectRequest request = lifecycle.get(reference);
    SystemId system = SystemId.of(systemId);
    List<Finding> found = systems.lookup(system, identifiers(request, identifiers.added(request.id())));
    findings.replace(request.id(), system, found, clock.instant());
    return found;
  }

  /** Looks the subject up again in every searchable system, after the officer added an identifier. */
  @Transactional
  public void rediscover(String reference) {
    searchableSystems().forEach(system -> discover(reference, system));
  }

  /** The request's candidates, decided or not. */
  @Transactional(readOnly = true)
  public List<Candidate> candidates(String reference) {
    return findings.candidates(lifecycle.get(reference).id());
  }

  /**
   * The officer's decisions on candidates: all are saved, or, where any is bad, none, and every bad field is named.
   * Confirming ("this is the subject") needs a note saying why.
   */
  @Transactional
  public void decideCandidates(String reference, Map<Long, String> decisions, Map<Long, String> notes,
      String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    Set<Long> ids = findings.candidates(request.id()).stream().map(Candidate::id).collect(Collectors.toSet());
    List<Violation> bad = new ArrayList<>();
    decisions.forEach((id, decision) -> {
      String note = notes.get(id) == null || notes.get(id).isBlank() ? null : notes.get(id).strip();
      if (!ids.contains(id)) {
        bad.add(new Violation("candidate-" + id, "is not a candidate of " + reference));
      } else if (!RequestFindings.CONFIRMED.equals(decision) && !RequestFindings.REJECTED.equals(decision)) {
        bad.add(new Violation("candidate-" + id, "choose confirm (this is the subject) or reject"));
      } else if (RequestFindings.CONFIRMED.equals(decision) && note == null) {
        bad.add(new Violation("candidate-note-" + id,
            "is required: say why this record is the subject's (what matched, what was checked)"));
      } else if (note != null && TextRules.FREE_TEXT.problemWith(note) != null) {
        bad.add(new Violation("candidate-note-" + id, TextRules.FREE_TEXT.problemWith(note)));
      }
    });
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    decisions.forEach((id, decision) -> findings.decideCandidate(request.id(), id, decision,
        notes.get(id) == null || notes.get(id).isBlank() ? null : notes.get(id).strip(), officer, clock.instant()));
  }

  /** A decision cannot wait for the officer's review of candidates: it names each one still undecided. */
  @Transactional(readOnly = true)
  public void requireCandidatesDecided(String reference) {
    List<Violation> undecided = findings.candidates(lifecycle.get(reference).id()).stream()
        .filter(c -> !c.decided())
        .map(c -> new Violation("candidate-" + c.id(), "is not decided yet: confirm or reject the record found by "
            + String.join(", ", c.matchedOn()) + " (" + c.system() + ", " + c.table() + " " + c.recordId() + ")"))
        .toList();
    if (!undecided.isEmpty()) {
      throw new InvalidRequestException(undecided);
    }
  }

  /** The group whose members work in a system by hand. */
  public String ownerGroup(String systemId) {
    return systems.system(SystemId.of(systemId)).ownerGroup();
  }

  /** A system's name as task screens show it (the staff's name). */
  public String systemName(String systemId) {
    return systems.system(SystemId.of(systemId)).staffName();
  }

  /** The systems that only their owners can search, by hand (a Tasklist task each). */
  public List<String> manualSystems() {
    return systems.systems().stream()
        .filter(s -> s.accessMode() == CompanyProperties.Access.MANUAL)
        .map(CompanyProperties.SystemDeclaration::id)
        .toList();
  }

  /**
   * The verified e-mail address and the name, and as given identifiers (candidates only) the phone number and postal
   * address of the request and what the officer added.
   */
  static Identifiers identifiers(DataSubjectRequest request, List<SubjectIdentifiers.Added> added) {
    // a phone number was given, not confirmed: it identifies no one on its own
    Identifiers who = Identifiers.of(request.subject().email(), null, request.subject().name())
        .withGiven("phone", request.subject().phone())
        .withGiven(SubjectIdentifiers.POSTAL_ADDRESS, request.subject().postalAddress());
    for (SubjectIdentifiers.Added identifier : added) {
      who = who.withGiven(identifier.kind(), identifier.value());
    }
    return who;
  }
}
