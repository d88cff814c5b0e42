package dk.mico.rightsdesk.systems;

import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.DisclosureRegister.Recipient;
import java.util.List;
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

  Disclosures(CompanySystems systems, CompanyDataSources dataSources) {
    this.systems = systems;
    this.dataSources = dataSources;
  }

  /**
   * Whether the recipient received any of these records of a system: every recipient of the system did, except a
   * provider of infrastructure only, and a recipient with a disclosure log only if the log names one of them.
   */
  public boolean received(Recipient recipient, SystemId system, String table, List<String> recordIds) {
    SystemDeclaration declaration = systems.system(system);
    if (!declaration.recipients().contains(recipient.id()) || recipient.infrastructureOnly()) {
      return false;
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
}
