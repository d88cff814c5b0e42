package dk.mico.rightsdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package graph stays one-way (deadline, request ← identity, notification ← workflow, web) and the engine's types
 * stay where the workflow is wired.
 */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dk.mico.rightsdesk");

  @Test
  void camundaOnlyWhereTheWorkflowIsWired() {
    noClasses()
        .that().resideOutsideOfPackages("..workflow..", "..system.security..")
        .should().dependOnClassesThat().resideInAPackage("org.camunda..")
        .because("the engine is wired in workflow/ (and its users checked in system.security/), nowhere else")
        .check(CLASSES);
  }

  @Test
  void calendarStandsAlone() {
    noClasses()
        .that().resideInAPackage("..deadline..")
        .should().dependOnClassesThat().resideInAnyPackage("..request..", "..identity..", "..notification..",
            "..workflow..", "..web..")
        .check(CLASSES);
  }

  @Test
  void requestRecordKnowsNoCallers() {
    noClasses()
        .that().resideInAPackage("..request..")
        .should().dependOnClassesThat().resideInAnyPackage("..identity..", "..notification..", "..workflow..",
            "..web..")
        .check(CLASSES);
  }

  @Test
  void lettersDoNotReachBack() {
    noClasses()
        .that().resideInAPackage("..notification..")
        .should().dependOnClassesThat().resideInAnyPackage("..identity..", "..workflow..", "..web..")
        .check(CLASSES);
  }

  @Test
  void identityDoesNotReachBack() {
    noClasses()
        .that().resideInAPackage("..identity..")
        .should().dependOnClassesThat().resideInAnyPackage("..workflow..", "..web..")
        .check(CLASSES);
  }

  @Test
  void companySystemsKnowNoCallers() {
    noClasses()
        .that().resideInAPackage("..systems..")
        .should().dependOnClassesThat().resideInAnyPackage("..request..", "..identity..", "..notification..",
            "..workflow..", "..web..")
        .check(CLASSES);
  }

  @Test
  void workflowAndWebStayApart() {
    noClasses()
        .that().resideInAPackage("..workflow..")
        .should().dependOnClassesThat().resideInAPackage("..web..")
        .check(CLASSES);
  }

  @Test
  void webDoesNotDriveTheEngine() {
    noClasses()
        .that().resideInAPackage("..web..")
        .should().dependOnClassesThat().resideInAPackage("..workflow..")
        .check(CLASSES);
  }

  @Test
  void fulfilmentIsDrivenNotDriving() {
    noClasses()
        .that().resideInAPackage("..fulfilment..")
        .should().dependOnClassesThat().resideInAnyPackage("..workflow..", "..web..")
        .check(CLASSES);
  }

  @Test
  void oversightAndRecordKeepingReadWithoutDriving() {
    noClasses()
        .that().resideInAnyPackage("..oversight..", "..recordkeeping..")
        .should().dependOnClassesThat().resideInAnyPackage("..workflow..", "..web..")
        .because("the managers' view and the records read the request record and the engine through ports")
        .check(CLASSES);
  }

  @Test
  void accessAnswersAreDrivenNotDriving() {
    noClasses()
        .that().resideInAPackage("..access..")
        .should().dependOnClassesThat().resideInAnyPackage("..workflow..", "..web..")
        .check(CLASSES);
  }
}
