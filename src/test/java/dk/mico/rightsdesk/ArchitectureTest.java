package dk.mico.rightsdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package graph stays one-way (deadline, request ← identity, notification ← workflow, web) and the engine's types
 * stay where the workflow is wired.
 */
@AnalyzeClasses(packages = "dk.mico.rightsdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule camundaOnlyWhereTheWorkflowIsWired = noClasses()
      .that().resideOutsideOfPackages("..workflow..", "..system.security..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda..")
      .because("the engine is wired in workflow/ (and its users checked in system.security/), nowhere else");

  @ArchTest
  static final ArchRule calendarStandsAlone = noClasses()
      .that().resideInAPackage("..deadline..")
      .should().dependOnClassesThat().resideInAnyPackage("..request..", "..identity..", "..notification..",
          "..workflow..", "..web..");

  @ArchTest
  static final ArchRule requestRecordKnowsNoCallers = noClasses()
      .that().resideInAPackage("..request..")
      .should().dependOnClassesThat().resideInAnyPackage("..identity..", "..notification..", "..workflow..",
          "..web..");

  @ArchTest
  static final ArchRule lettersDoNotReachBack = noClasses()
      .that().resideInAPackage("..notification..")
      .should().dependOnClassesThat().resideInAnyPackage("..identity..", "..workflow..", "..web..");

  @ArchTest
  static final ArchRule identityDoesNotReachBack = noClasses()
      .that().resideInAPackage("..identity..")
      .should().dependOnClassesThat().resideInAnyPackage("..workflow..", "..web..");

  @ArchTest
  static final ArchRule workflowAndWebStayApart = noClasses()
      .that().resideInAPackage("..workflow..")
      .should().dependOnClassesThat().resideInAPackage("..web..");

  @ArchTest
  static final ArchRule webDoesNotDriveTheEngine = noClasses()
      .that().resideInAPackage("..web..")
      .should().dependOnClassesThat().resideInAPackage("..workflow..");
}
