package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.fulfilment.Discovery;
import java.util.List;
import org.springframework.stereotype.Component;

/** The systems a multi-instance step runs over: {@code collection="${companySystemIds.searchable()}"} (public: the
 * engine's expression language calls it). */
@Component
public class CompanySystemIds {

  private final Discovery discovery;

  CompanySystemIds(Discovery discovery) {
    this.discovery = discovery;
  }

  public List<String> searchable() {
    return discovery.searchableSystems();
  }

  /** The systems searched by hand: {@code collection="${companySystemIds.manual()}"}. */
  public List<String> manual() {
    return discovery.manualSystems();
  }

  /** The group that works in a system by hand: {@code candidateGroups="${companySystemIds.ownerGroup(systemId)}"}. */
  public String ownerGroup(String systemId) {
    return discovery.ownerGroup(systemId);
  }
}
