package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.MarketingRights;
import dk.mico.rightsdesk.fulfilment.WorkByHand;
import java.util.List;
import org.springframework.stereotype.Component;

/** The systems a multi-instance step runs over: {@code collection="${companySystemIds.searchable()}"} (public: the
 * engine's expression language calls it). */
@Component
public class CompanySystemIds {

  private final Discovery discovery;
  private final WorkByHand work;
  private final MarketingRights marketing;

  CompanySystemIds(Discovery discovery, WorkByHand work, MarketingRights marketing) {
    this.discovery = discovery;
    this.work = work;
    this.marketing = marketing;
  }

  public List<String> searchable() {
    return discovery.searchableSystems();
  }

  /** The systems searched by hand: {@code collection="${companySystemIds.manual()}"}. */
  public List<String> manual() {
    return discovery.manualSystems();
  }

  /**
   * The systems whose owners carry out a request by hand:
   * {@code collection="${companySystemIds.byHand(execution.processBusinessKey)}"}.
   */
  public List<String> byHand(String reference) {
    return work.systems(reference);
  }

  /**
   * The systems where an objection to direct marketing or a withdrawal of consent without an e-mail address is
   * carried out by hand, as nothing identifies the person there:
   * {@code collection="${companySystemIds.marketingByHand(execution.processBusinessKey)}"}.
   */
  public List<String> marketingByHand(String reference) {
    return marketing.systemsToCarryOutByHand(reference);
  }

  /**
   * The systems whose owners restricted by hand for a request, where they lift it by hand too:
   * {@code collection="${companySystemIds.restrictedByHand(execution.processBusinessKey)}"}.
   */
  public List<String> restrictedByHand(String reference) {
    return work.systemsRestrictedByHand(reference);
  }

  /** The group that works in a system by hand: {@code candidateGroups="${companySystemIds.ownerGroup(systemId)}"}. */
  public String ownerGroup(String systemId) {
    return discovery.ownerGroup(systemId);
  }
}
