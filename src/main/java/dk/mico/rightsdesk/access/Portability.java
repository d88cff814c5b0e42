package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.access.AccessRecords.StoredRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Art 20(1): only data the subject provided, processed by automated means on consent (6(1)(a)) or contract
 * (6(1)(b)), is portable. Decided per record from what its system declares: the record's own legal basis and
 * "provided by the subject" flag where the system keeps them, else the system's. A record whose system does not say
 * who provided it counts as provided when it serves the subject's consent or contract.
 */
final class Portability {

  private Portability() {}

  /** The message keys of the reasons a record is not portable; empty when it is. */
  static List<String> reasonsNotPortable(StoredRecord record) {
    List<String> reasons = new ArrayList<>();
    if (record.manual()) {
      reasons.add("portability.reason.manual");
      return reasons;
    }
    if (Boolean.FALSE.equals(record.portable())) {
      reasons.add("portability.reason.notProvided");
    }
    String basis = record.legalBasis() == null ? "" : record.legalBasis().replace(" ", "");
    if (basis.startsWith("6(1)(f)")) {
      reasons.add("portability.reason.legitimateInterest");
    } else if (basis.startsWith("6(1)(c)")) {
      reasons.add("portability.reason.legalObligation");
    } else if (!basis.startsWith("6(1)(a)") && !basis.startsWith("6(1)(b)")) {
      reasons.add("portability.reason.otherBasis");
    }
    return reasons;
  }
}
