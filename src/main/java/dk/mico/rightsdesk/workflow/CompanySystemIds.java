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
}
