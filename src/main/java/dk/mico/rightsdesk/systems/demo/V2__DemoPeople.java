package dk.mico.rightsdesk.systems.demo;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills the demo company database with fictitious Danish people, companies, cases, courses, newsletter subscribers,
 * cookie consents and invoices. The data comes from {@link DemoCompanyData} with a fixed seed, so every fresh
 * database holds exactly the same rows. The named demo personas are listed in docs/demo-company.md.
 */
public class V2__DemoPeople extends BaseJavaMigration {

  /** Changing the seed (or the generator) changes every demo row: tests and docs/demo-company.md rely on it. */
  public static final long SEED = 20_250_917L;

  @Override
  public void migrate(Context context) throws Exception {
    new DemoCompanyData(SEED).writeTo(context.getConnection());
  }
}
