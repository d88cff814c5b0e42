package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.DisclosureRegister.Recipient;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Whether a recipient received a person's records (Art 19 concerns the recipients to whom they were disclosed): as
 * the register says how it receives data ({@link Recipient#received()}). Telling a recipient that never had the
 * person's data would itself disclose who asked for what.
 */
@Service
public class Disclosures {

  /** The per-person disclosure log a system keeps in its own database: such a recipient is told of logged records. */
  static final String LOG_TABLE = "disclosure_log";

  private final CompanySystems systems;
  private final CompanyDataSources dataSources;
  private final DisclosureRegister register;

  Disclosures(CompanySystems systems, CompanyDataSources dataSources, DisclosureRegister register) {
    this.systems = systems;
    this.dataSources = dataSources;
    this.register = register;
  }

  /**
   * Whether the recipient received any of these records of a system: every recipient of the system did, except a
   * provider of infrastructure only; a recipient with a disclosure log only if the log names one of them; a
   * recipient with a record filter only if it is among {@code filteredBeforeChange}, the recipients whose filter
   * selected one of them before they were changed ({@link #filteredRecipients}).
   */
  public boolean received(Recipient recipient, SystemId system, String table, List<String> recordIds,
      Collection<String> filteredBeforeChange) {
    SystemDeclaration declaration = systems.system(system);
    if (!declaration.recipients().contains(recipient.id()) || recipient.infrastructureOnly()) {
      return false;
    }
    if (recipient.filtered()) {
      return filteredBeforeChange.contains(recipient.id());
    }
    if (!recipient.logged()) {
      return true;
    }
    if (recordIds.isEmpty() || declaration.datasource() == null) {
      return false;
    }
    return JdbcClient.create(dataSources.get(declaration.datasource()))
        .sql("SELECT COUNT(*) FROM " + LOG_TABLE + " WHERE recipient_id = :recipient AND system_id = :system "
            + "AND table_name = :table AND record_id IN (:ids)")
        .param("recipient", recipient.id())
        .param("system", system.value())
        .param("table", table)
        .param("ids", recordIds)
        .query(Integer.class)
        .single() > 0;
  }

  /** Whether any recipient of the system receives records by a filter: only then is a filter asked before a change. */
  public boolean filters(SystemId system) {
    return register.recipients().stream().anyMatch(r -> r.filtered() && named(r, system));
  }

  /**
   * Per record, the recipients whose record filter selects it, as the records are now (F4). Asked in the step that
   * changes them, before the change: an erased record can no longer be filtered.
   */
  public Map<String, Set<String>> filteredRecipients(SystemId system, String table, Collection<String> recordIds) {
    Map<String, Set<String>> byRecord = new HashMap<>();
    for (Recipient recipient : register.recipients()) {
      if (recipient.filtered() && named(recipient, system)) {
        recipient.filterOf(system, table).ifPresent(filter -> systems.selected(filter, recordIds).forEach(id ->
            byRecord.computeIfAbsent(id, k -> new TreeSet<>()).add(recipient.id())));
      }
    }
    return byRecord;
  }

  private boolean named(Recipient recipient, SystemId system) {
    return systems.system(system).recipients().contains(recipient.id());
  }
}
