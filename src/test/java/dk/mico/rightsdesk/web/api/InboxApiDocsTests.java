package dk.mico.rightsdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The GDPR mailbox's contract (issue 12, section 1) as the OpenAPI docs publish it. */
@RightsDeskSpringTest
class InboxApiDocsTests {

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;

  @Test
  void openApiDocsNameTheInboxContract() throws Exception {
    JsonNode docs = json.readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString());
    JsonNode paths = docs.path("paths");

    JsonNode list = paths.path("/api/officer/inbox").path("get");
    assertThat(list.isMissingNode()).as("GET /api/officer/inbox").isFalse();
    JsonNode state = list.path("parameters").get(0);
    assertThat(state.path("name").asText()).isEqualTo("state");
    assertThat(texts(state.path("schema").path("enum")))
        .containsExactly("NEW", "REGISTERED", "NOT_A_REQUEST", "ATTACHED");
    String item = list.path("responses").path("200").path("content").findValue("$ref").asText();
    JsonNode fields = docs.path("components").path("schemas").path(item.substring(item.lastIndexOf('/') + 1))
        .path("properties");
    assertThat(fields.fieldNames()).toIterable().contains("id", "receivedAt", "from", "subject", "suggestedType",
        "language", "state", "references");

    JsonNode registration = paths.path("/api/officer/inbox/{id}/registration").path("post");
    assertThat(registration.isMissingNode()).as("POST /api/officer/inbox/{id}/registration").isFalse();
    assertThat(registration.path("responses").has("201")).isTrue();
    assertThat(paths.path("/api/officer/inbox/{id}/dismissal").path("post").isMissingNode())
        .as("POST /api/officer/inbox/{id}/dismissal").isFalse();
    assertThat(paths.path("/api/officer/inbox/counts").path("get").path("summary").asText())
        .contains("no senders, no text");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }
}
