package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/** processes/Decision_EmailRequestSuggestion.dmn: the words of a mail to the GDPR mailbox suggest right and language. */
class InboundEmailSuggestionTableTest {

  private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final DmnDecision TABLE = table();

  @Test
  void danishWordsSuggestTheRightInDanish() {
    assertThat(suggest("Anmodning om indsigt", "Hej, jeg vil gerne vide hvilke oplysninger I har om mig."))
        .isEqualTo("ACCESS da");
    assertThat(suggest("Slet mig", "Jeg vil gerne slettes fra jeres systemer. Mvh")).isEqualTo("ERASURE da");
    assertThat(suggest("Nyhedsbrev", "Afmeld mig venligst nyhedsbrevet")).isEqualTo("CONSENT_WITHDRAWAL da");
    assertThat(suggest("Indsigelse", "Jeg gør indsigelse mod markedsføring")).isEqualTo("OBJECTION da");
  }

  @Test
  void englishWordsSuggestTheRightInEnglish() {
    assertThat(suggest("Subject access request", "Please send me a copy of my data.")).isEqualTo("ACCESS en");
    assertThat(suggest("Please delete", "Delete everything you hold on me.")).isEqualTo("ERASURE en");
    assertThat(suggest("Wrong address", "My address is incorrect, please correct it.")).isEqualTo("RECTIFICATION en");
    assertThat(suggest("Portability", "I want my data in a machine-readable format.")).isEqualTo("PORTABILITY en");
  }

  @Test
  void noRightRecognisedStillGivesTheLanguage() {
    assertThat(suggest("Spørgsmål", "Hej, hvornår holder I åbent? Venlig hilsen Ole")).isEqualTo("null da");
    assertThat(suggest("Question", "Dear MICO, when are you open? Regards")).isEqualTo("null en");
    assertThat(suggest("Tilbud", "Billige kuglepenne")).isEqualTo("null da");
  }

  private static String suggest(String subject, String text) {
    DmnDecisionRuleResult first = DMN.evaluateDecisionTable(TABLE,
        Map.of("text", (subject + "\n\n" + text).toLowerCase(Locale.ROOT))).getFirstResult();
    return DmnRequestSuggestions.entry(first, "suggestedType") + " " + DmnRequestSuggestions.entry(first, "language");
  }

  private static DmnDecision table() {
    try (InputStream in = Files.newInputStream(Path.of("processes", "Decision_EmailRequestSuggestion.dmn"))) {
      return DMN.parseDecision("Decision_EmailRequestSuggestion", in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
