package dk.mico.rightsdesk.systems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The declarations are checked when the application starts; with none, everything still starts. */
class CompanyStartTests {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CompanyProperties.class)
  @Import({CompanyDataSources.class, CompanySystems.class})
  static class Systems {}

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Systems.class);

  @Test
  void startsWithNoDeclarations() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(CompanySystems.class).systems()).isEmpty();
    });
  }

  @Test
  void startsWithDeclarationsWhoseDatabaseIsNotThereAndRegistersNoDataSource() {
    runner.withPropertyValues(
            "rightsdesk.company.datasources.company.url=jdbc:h2:mem:not-there;IFEXISTS=TRUE",
            "rightsdesk.company.systems[0].id=crm",
            "rightsdesk.company.systems[0].name.da=CRM",
            "rightsdesk.company.systems[0].name.en=CRM",
            "rightsdesk.company.systems[0].access=jdbc",
            "rightsdesk.company.systems[0].backup-retention=P35D",
            "rightsdesk.company.systems[0].datasource=company",
            "rightsdesk.company.systems[0].activity.da=Kunder",
            "rightsdesk.company.systems[0].activity.en=Customers",
            "rightsdesk.company.systems[0].data-subjects.da=Kunder",
            "rightsdesk.company.systems[0].data-subjects.en=Customers",
            "rightsdesk.company.systems[0].legal-basis=6(1)(b)",
            "rightsdesk.company.systems[0].retention.da=5 år",
            "rightsdesk.company.systems[0].retention.en=5 years",
            "rightsdesk.company.systems[0].records[0].table=customer",
            "rightsdesk.company.systems[0].records[0].id-column=id",
            "rightsdesk.company.systems[0].records[0].identifiers.email=email",
            "rightsdesk.company.systems[0].records[0].categories.da=e-mail",
            "rightsdesk.company.systems[0].records[0].categories.en=e-mail",
            "rightsdesk.company.systems[0].records[0].export-columns=email",
            "rightsdesk.company.systems[0].records[0].labels.email.da=E-mail",
            "rightsdesk.company.systems[0].records[0].labels.email.en=E-mail",
            "rightsdesk.company.systems[0].records[0].erase=delete")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(CompanySystems.class).systems()).hasSize(1);
          // the engine's DataSource must stay the only one Spring Boot and Camunda see
          assertThat(context).doesNotHaveBean(DataSource.class);
        });
  }

  @Test
  void aWrongDeclarationStopsTheStartNamingSystemAndField() {
    runner.withPropertyValues(
            "rightsdesk.company.systems[0].id=crm",
            "rightsdesk.company.systems[0].name.da=CRM",
            "rightsdesk.company.systems[0].name.en=CRM",
            "rightsdesk.company.systems[0].access=jdbc",
            "rightsdesk.company.systems[0].backup-retention=P35D",
            "rightsdesk.company.systems[0].datasource=nowhere",
            "rightsdesk.company.systems[0].activity.da=Kunder",
            "rightsdesk.company.systems[0].activity.en=Customers",
            "rightsdesk.company.systems[0].data-subjects.da=Kunder",
            "rightsdesk.company.systems[0].data-subjects.en=Customers",
            "rightsdesk.company.systems[0].legal-basis=6(1)(b)",
            "rightsdesk.company.systems[0].retention.da=5 år",
            "rightsdesk.company.systems[0].retention.en=5 years",
            "rightsdesk.company.systems[0].records[0].table=customer",
            "rightsdesk.company.systems[0].records[0].id-column=id; DROP TABLE customer",
            "rightsdesk.company.systems[0].records[0].identifiers.email=email",
            "rightsdesk.company.systems[0].records[0].categories.da=e-mail",
            "rightsdesk.company.systems[0].records[0].categories.en=e-mail",
            "rightsdesk.company.systems[0].records[0].export-columns=email",
            "rightsdesk.company.systems[0].records[0].labels.email.da=E-mail",
            "rightsdesk.company.systems[0].records[0].labels.email.en=E-mail")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause()
              .isInstanceOf(InvalidDeclarationException.class)
              .hasMessageContaining("rightsdesk.company.systems[crm].datasource names 'nowhere'")
              .hasMessageContaining(
                  "rightsdesk.company.systems[crm].records[customer].id-column must be a plain SQL identifier");

          FailureAnalysis analysis = new DeclarationFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis).isNotNull();
          assertThat(analysis.getDescription())
              .startsWith("The company's systems are declared wrongly")
              .contains("rightsdesk.company.systems[crm].datasource");
          assertThat(analysis.getAction()).contains("docs/company-systems.md");
        });
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void springBootReportsTheProblemsWhenTheStartFails(CapturedOutput output) {
    var application = new SpringApplicationBuilder(Systems.class)
        .web(WebApplicationType.NONE)
        // a profile of its own, so that the demo company's declarations do not come in
        .profiles("declaration-check")
        .properties("rightsdesk.company.systems[0].id=crm", "rightsdesk.company.systems[0].access=ldap");

    assertThatThrownBy(application::run).hasRootCauseInstanceOf(InvalidDeclarationException.class);
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("rightsdesk.company.systems[crm].access must be jdbc or manual")
        .contains("rightsdesk.company.systems[crm].name is missing")
        .contains("rightsdesk.company.systems[crm].backup-retention is missing")
        .contains("Correct the declarations under rightsdesk.company");
  }
}
