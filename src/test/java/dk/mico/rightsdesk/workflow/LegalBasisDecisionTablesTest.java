package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The decision tables of the legal-basis review (processes/Decision_*.dmn), row by row. */
class LegalBasisDecisionTablesTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  private static DmnDecision decision(String id) {
    try (InputStream in = Files.newInputStream(Path.of("processes", id + ".dmn"))) {
      return DMN.parseDecision(id, in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The one row that matched, as "proposal article reasonCode [suppress]". */
  private static String evaluate(DmnDecision decision, Map<String, Object> facts) {
    DmnDecisionTableResult result = DMN.evaluateDecisionTable(decision, facts);
    assertThat(result).as("FIRST: exactly one row answers").hasSize(1);
    DmnDecisionRuleResult row = result.getSingleResult();
    String answer = row.getEntry("proposal") + " " + row.getEntry("article") + " " + row.getEntry("reasonCode");
    return row.containsKey("suppress") && Boolean.TRUE.equals(row.getEntry("suppress")) ? answer + " suppress"
        : answer;
  }

  @Nested
  class Erasure {

    private final DmnDecision table = decision("Decision_ErasureProposal");

    /** A contract record in the course system, erasable as declared, with no retention: the last row. */
    private Map<String, Object> facts() {
      Map<String, Object> facts = new HashMap<>();
      facts.put("retention", "NONE");
      facts.put("eraseMode", "DELETE");
      facts.put("marketing", false);
      facts.put("consentOnly", false);
      facts.put("system", "courses");
      facts.put("legalBasis", "6(1)(b)");
      return facts;
    }

    @Test
    void anInvoiceInItsBookkeepingPeriodIsKeptUnder17_3_b() {
      Map<String, Object> facts = facts();
      facts.put("retention", "RUNNING");
      facts.put("system", "accounting");
      facts.put("legalBasis", "6(1)(c)");
      facts.put("eraseMode", "ANONYMISE");
      assertThat(evaluate(table, facts)).isEqualTo("KEEP 17(3)(b) erasure.retention");
    }

    @Test
    void aTableDeclaredKeptIsKept() {
      Map<String, Object> facts = facts();
      facts.put("eraseMode", "KEEP");
      assertThat(evaluate(table, facts)).isEqualTo("KEEP 17(3)(b) erasure.declaredKept");
    }

    @Test
    void f19_aTableDeclaredKeptStaysKeptInItsPeriodAndNoErasureIsScheduled() {
      Map<String, Object> facts = facts();
      facts.put("eraseMode", "KEEP");
      facts.put("retention", "RUNNING");
      assertThat(evaluate(table, facts)).isEqualTo("KEEP 17(3)(b) erasure.declaredKept");
    }

    @Test
    void f19_aTableDeclaredKeptPastItsPeriodIsErasedByItsOwnersNotKeptForEver() {
      Map<String, Object> facts = facts();
      facts.put("eraseMode", "KEEP");
      facts.put("retention", "ENDED");
      facts.put("legalBasis", "6(1)(c)");
      assertThat(evaluate(table, facts)).isEqualTo("ERASE_BY_HAND 17(1)(a) erasure.declaredKeptEnded");
    }

    @Test
    void marketingDataIsErasedAndFollowedByASuppressionEntry() {
      Map<String, Object> facts = facts();
      facts.put("marketing", true);
      facts.put("consentOnly", true);
      facts.put("legalBasis", "6(1)(a)");
      assertThat(evaluate(table, facts)).isEqualTo("ERASE 17(1)(b), 21(3) erasure.marketing suppress");
    }

    @Test
    void dataHeldOnlyOnConsentIsErased() {
      Map<String, Object> facts = facts();
      facts.put("consentOnly", true);
      facts.put("legalBasis", "6(1)(a)");
      assertThat(evaluate(table, facts)).isEqualTo("ERASE 17(1)(b) erasure.consent");
    }

    @Test
    void f18_aCurrentCustomersContactIsErasedOnRequestUnderThePrivacyPolicyWithNo17_1Ground() {
      Map<String, Object> facts = facts();
      facts.put("system", "case-management");
      facts.put("eraseMode", "ANONYMISE");
      assertThat(evaluate(table, facts)).isEqualTo("ERASE privacy policy 3.1 erasure.caseManagement");
    }

    @Test
    void f18_aContactOnLegitimateInterestIsErasedUnder17_1_c() {
      Map<String, Object> facts = facts();
      facts.put("system", "case-management");
      facts.put("legalBasis", "6(1)(f)");
      assertThat(evaluate(table, facts)).isEqualTo("ERASE 17(1)(c) erasure.caseManagement");
    }

    @Test
    void f17_aCaseManagementRecordIsNeverMarketingDataEvenWhenMarkedSo() {
      Map<String, Object> facts = facts();
      facts.put("system", "case-management");
      facts.put("marketing", true);
      assertThat(evaluate(table, facts)).isEqualTo("ERASE privacy policy 3.1 erasure.caseManagement");
      facts.put("legalBasis", "6(1)(f)");
      assertThat(evaluate(table, facts)).isEqualTo("ERASE 17(1)(c) erasure.caseManagement");
    }

    @Test
    void legitimateInterestDataIsErasedUnder17_1_c() {
      Map<String, Object> facts = facts();
      facts.put("system", "course-evaluations");
      facts.put("legalBasis", "6(1)(f)");
      assertThat(evaluate(table, facts)).isEqualTo("ERASE 17(1)(c) erasure.legitimateInterest");
    }

    @Test
    void f19_aLegalObligationWithNoDeclaredLawAndPeriodIsLeftToTheOfficerNotKeptWithAGenericReason() {
      Map<String, Object> facts = facts();
      facts.put("legalBasis", "6(1)(c)");
      assertThat(evaluate(table, facts)).isEqualTo("DECIDE 17(3)(b) erasure.legalObligation");
    }

    @Test
    void anyOtherRecordIsErasedAsNoLongerNeeded() {
      assertThat(evaluate(table, facts())).isEqualTo("ERASE 17(1)(a) erasure.noLongerNeeded");
    }

    @Test
    void anInvoicePastItsBookkeepingPeriodIsErased() {
      Map<String, Object> facts = facts();
      facts.put("system", "accounting");
      facts.put("legalBasis", "6(1)(c)");
      facts.put("eraseMode", "ANONYMISE");
      // the bookkeeping period has ended: no law requires it any more
      facts.put("retention", "ENDED");
      assertThat(evaluate(table, facts)).isEqualTo("ERASE 17(1)(a) erasure.retentionEnded");
    }
  }

  @Nested
  class Restriction {

    private final DmnDecision table = decision("Decision_RestrictionProposal");

    private Map<String, Object> facts() {
      Map<String, Object> facts = new HashMap<>();
      facts.put("restrictable", true);
      facts.put("restricted", false);
      facts.put("accuracyContested", false);
      facts.put("objectionPending", false);
      return facts;
    }

    @Test
    void aTableWithNoRestrictedFlagIsRestrictedByItsOwnerByHand() {
      Map<String, Object> facts = facts();
      facts.put("restrictable", false);
      facts.put("accuracyContested", true);
      assertThat(evaluate(table, facts)).isEqualTo("RESTRICT_BY_HAND 18(1) restriction.notRestrictable");
    }

    @Test
    void anAlreadyRestrictedRecordNeedsNothing() {
      Map<String, Object> facts = facts();
      facts.put("restricted", true);
      facts.put("accuracyContested", true);
      assertThat(evaluate(table, facts)).isEqualTo("NO_ACTION 18(1) restriction.already");
    }

    @Test
    void contestedAccuracyIsRestrictedWhileItIsChecked() {
      Map<String, Object> facts = facts();
      facts.put("accuracyContested", true);
      facts.put("objectionPending", true);
      assertThat(evaluate(table, facts)).isEqualTo("RESTRICT 18(1)(a) restriction.accuracy");
    }

    @Test
    void aPendingGeneralObjectionIsRestrictedWhileItIsWeighed() {
      Map<String, Object> facts = facts();
      facts.put("objectionPending", true);
      assertThat(evaluate(table, facts)).isEqualTo("RESTRICT 18(1)(d) restriction.objection");
    }

    @Test
    void otherwiseTheGroundTheSubjectStatesIsProposedForTheOfficerToCheck() {
      assertThat(evaluate(table, facts())).isEqualTo("RESTRICT 18(1)(b)-(c) restriction.stated");
    }
  }

  @Nested
  class GeneralObjection {

    private final DmnDecision table = decision("Decision_ObjectionProposal");

    private String basis(String legalBasis) {
      Map<String, Object> facts = new HashMap<>();
      facts.put("legalBasis", legalBasis);
      return evaluate(table, facts);
    }

    @Test
    void legitimateInterestNeedsAPersonsBalancing() {
      assertThat(basis("6(1)(f)")).isEqualTo("BALANCE 21(1) objection.legitimateInterest");
    }

    @Test
    void aPublicTaskNeedsAPersonsBalancing() {
      assertThat(basis("6(1)(e)")).isEqualTo("BALANCE 21(1) objection.publicTask");
    }

    @Test
    void contractProcessingIsNotOpenToObjection() {
      assertThat(basis("6(1)(b)")).isEqualTo("NOT_APPLICABLE 6(1)(b) objection.contract");
    }

    @Test
    void processingRequiredByLawIsNotOpenToObjection() {
      assertThat(basis("6(1)(c)")).isEqualTo("NOT_APPLICABLE 6(1)(c) objection.legalObligation");
    }

    @Test
    void f21_anObjectionToConsentBasedProcessingIsAWithdrawal() {
      assertThat(basis("6(1)(a)")).isEqualTo("WITHDRAW 7(3) objection.consent");
    }

    @Test
    void anUnknownBasisIsBalancedByAPerson() {
      assertThat(basis(null)).isEqualTo("BALANCE 21(1) objection.unknownBasis");
    }
  }
}
