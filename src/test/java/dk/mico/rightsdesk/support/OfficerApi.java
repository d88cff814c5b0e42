package dk.mico.rightsdesk.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The JSON API as the subject and the officer call it, for tests that follow a request. */
@TestComponent
public class OfficerApi {

  private final MockMvc mvc;
  private final ObjectMapper json;

  OfficerApi(MockMvc mvc, ObjectMapper json) {
    this.mvc = mvc;
    this.json = json;
  }

  /** A subject's submission through the public API; answers the reference. */
  public String submitPublic(String body) throws Exception {
    return json.readTree(mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).path("reference").asText();
  }

  /** A request the officer registers (e-mail, phone, letter); answers the reference. */
  public String register(String body) throws Exception {
    return json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
  }

  /** The request as the officer sees it, with contact data and letters. */
  public JsonNode view(String reference) throws Exception {
    return json.readTree(mvc.perform(get("/api/officer/requests/" + reference).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
  }
}
