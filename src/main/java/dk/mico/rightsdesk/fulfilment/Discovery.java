package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.CompanyProperties;
import dk.mico.rightsdesk.systems.Finding;
import dk.mico.rightsdesk.systems.Identifiers;
import dk.mico.rightsdesk.systems.SystemId;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks the subject up in the company's systems, one system at a time (each its own retried job), and records what
 * was found with the request. Only the identifiers the request established count: the e-mail address it was
 * confirmed with (or, for the rights that act at once, the address given); the name only makes candidates for the
 * officer.
 */
@Service
public class Discovery {

  private final CompanySystems systems;
  private final RequestFindings findings;
  private final RequestLifecycle lifecycle;
  private final Clock clock;

  Discovery(CompanySystems systems, RequestFindings findings, RequestLifecycle lifecycle, Clock clock) {
    this.systems = systems;
    this.findings = findings;
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
    List<Finding> found = systems.lookup(system, identifiers(request));
    findings.replace(request.id(), system, found, clock.instant());
    return found;
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

  static Identifiers identifiers(DataSubjectRequest request) {
    // a phone number was given, not confirmed: it identifies no one on its own
    return Identifiers.of(request.subject().email(), null, request.subject().name());
  }
}
