package dk.mico.rightsdesk.recordkeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The record of processing activities (Art 30), generated from the demo company's declarations. */
@RightsDeskSpringTest
class RecordsOfProcessingTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void everyDeclaredSystemIsAnActivityWithWhatArticle30Asks() throws Exception {
    JsonNode record = json.readTree(fetch("/api/officer/records-of-processing", "manager"));

    assertThat(record.path("controller").path("name").asText()).isEqualTo("MICO ApS");
    assertThat(record.path("controller").path("contact").asText()).contains("gdpr@mico.dk");
    List<String> ids = StreamSupport.stream(record.path("activities").spliterator(), false)
        .map(activity -> activity.path("id").asText()).toList();
    assertThat(ids).as("one per declared system, and Rights Desk's own handling of requests")
        .contains("case-management", "courses", "newsletter", "cookies", "accounting", "email-archive", "rights-desk");
    JsonNode accounting = activity(record, "accounting");
    assertThat(accounting.path("name").asText()).isEqualTo("Bogføring");
    assertThat(accounting.path("dataSubjects").asText()).isNotBlank();
    assertThat(accounting.path("dataCategories")).isNotEmpty();
    assertThat(accounting.path("recipients").toString()).contains("Regnskabsskyen ApS (databehandler)",
        "Revisionsfirmaet Bogholm & Co. (modtager)");
    assertThat(accounting.path("retentionLaws").toString()).as("the law and its period, from the declaration")
        .contains("bogføringslovens § 12", "5 år");
    assertThat(accounting.path("legalBasis").asText()).startsWith("art. 6, stk. 1, litra");
    assertThat(accounting.path("measures")).isNotEmpty();
    assertThat(activity(record, "rights-desk").path("retention").asText()).contains("dage efter");
    assertThat(accounting.path("backupRetention").asText()).as("F35: from the declaration's backup-retention")
        .startsWith("Sikkerhedskopier gemmes i 35 dage.").contains("slettes igen, hvis en sikkerhedskopi genindlæses");
    assertThat(activity(record, "email-archive").path("backupRetention").asText())
        .startsWith("Sikkerhedskopier gemmes i 90 dage.");
    assertThat(activity(record, "rights-desk").path("backupRetention").asText()).as("rightsdesk.retention.own-backups")
        .startsWith("Sikkerhedskopier gemmes i 35 dage.");
    assertThat(record.path("processorActivities")).as("Art 30(2): the customers MICO serves as processor")
        .hasSize(2);
    assertThat(record.path("processorActivities").get(0).path("processing").asText()).isNotBlank();
  }

  @Test
  void theRecordIsInEnglishOnRequestAndAsCsvForASpreadsheet() throws Exception {
    JsonNode english = json.readTree(fetch("/api/officer/records-of-processing?lang=en", "officer"));
    assertThat(activity(english, "accounting").path("name").asText()).isEqualTo("Accounting");
    assertThat(activity(english, "accounting").path("recipients").toString()).contains("(processor)");
    assertThat(activity(english, "email-archive").path("backupRetention").asText())
        .isEqualTo("Backups are kept for 90 days. Erased data stays in them until then, is not used, and is erased "
            + "again if a backup is restored.");

    String csv = fetch("/api/officer/records-of-processing.csv", "manager");
    assertThat(csv.lines().findFirst().orElseThrow()).contains("Behandlingsaktivitet", "Kategorier af registrerede");
    assertThat(csv).contains("Bogføring", "Databehandler", "Nordlys Tandklinik ApS");
    assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",\"Sikkerhedskopier\"");
    assertThat(csv.lines().filter(line -> line.contains("Mailarkiv")).findFirst().orElseThrow())
        .contains("Sikkerhedskopier gemmes i 90 dage.");
  }

  @Test
  void thePrintablePageServesOfficersAndManagersAndNobodyElse() throws Exception {
    assertThat(fetch("/officer/records-of-processing", "manager"))
        .contains("Fortegnelse over behandlingsaktiviteter", "Kategorier af registrerede", "Sagsstyringssystem",
            "Sikkerhedskopier gemmes i 35 dage.");
    assertThat(fetch("/officer/records-of-processing?lang=en", "officer"))
        .contains("Record of processing activities", "Case management system");
    mvc.perform(get("/api/officer/records-of-processing")).andExpect(status().isUnauthorized());
  }

  private String fetch(String path, String user) throws Exception {
    return mvc.perform(get(path).with(httpBasic(user, user))).andExpect(status().isOk()).andReturn().getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private static JsonNode activity(JsonNode record, String id) {
    return StreamSupport.stream(record.path("activities").spliterator(), false)
        .filter(activity -> activity.path("id").asText().equals(id)).findFirst().orElseThrow();
  }
}
