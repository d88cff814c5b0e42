package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.notification.ControllerProperties;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.mico.rightsdesk.deadline.DeadlineProperties;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

// Security is configured elsewhere: its filters are left out here.
@WebMvcTest(
    controllers = DeadlineApiController.class,
    properties = "spring.config.import=classpath:config/holidays.yaml")
@AutoConfigureMockMvc(addFilters = false)
// the public pages' controller advice needs the controller's details, even in a slice
@EnableConfigurationProperties({DeadlineProperties.class, ControllerProperties.class})
@Import(LegalCalendar.class)
class DeadlineApiControllerTests {

  private static final String DEADLINE = "/api/officer/deadline";

  @Autowired private MockMvc mockMvc;

  @Test
  void answersTheDeadlinesOfARequestReceivedAtAnInstant() throws Exception {
    mockMvc
        .perform(get(DEADLINE).param("receivedAt", "2025-01-31T23:30:00Z"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(
            content()
                .json(
                    """
                    {"receivedAt": "2025-01-31T23:30:00Z", "receiptDate": "2025-02-01",
                     "dueDate": "2025-03-03", "extendedDueDate": "2025-05-01"}
                    """,
                    true));
  }

  @Test
  void acceptsAnInstantWithAnOffset() throws Exception {
    mockMvc
        .perform(get(DEADLINE).param("receivedAt", "2025-02-01T00:30:00+01:00"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.receivedAt").value("2025-01-31T23:30:00Z"))
        .andExpect(jsonPath("$.receiptDate").value("2025-02-01"))
        .andExpect(jsonPath("$.dueDate").value("2025-03-03"));
  }

  @Test
  void refusesAMissingReceivedAt() throws Exception {
    expectInvalidReceivedAt(mockMvc.perform(get(DEADLINE)))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
  }

  @Test
  void refusesAMalformedReceivedAt() throws Exception {
    expectInvalidReceivedAt(mockMvc.perform(get(DEADLINE).param("receivedAt", "31-01-2025 23:30")))
        .andExpect(jsonPath("$.errors[0].message", containsString("ISO-8601 date-time with an offset")));
  }

  @Test
  void refusesAnInstantWithoutOffset() throws Exception {
    expectInvalidReceivedAt(mockMvc.perform(get(DEADLINE).param("receivedAt", "2025-02-01T00:30:00")));
  }

  @Test
  void refusesAnEmptyReceivedAt() throws Exception {
    expectInvalidReceivedAt(mockMvc.perform(get(DEADLINE).param("receivedAt", "")));
  }

  @Test
  void refusesAnInstantBeforeTheGdprApplied() throws Exception {
    expectInvalidReceivedAt(mockMvc.perform(get(DEADLINE).param("receivedAt", "2018-05-24T12:00:00+02:00")))
        .andExpect(jsonPath("$.errors[0].message").value("must lie between 2018-05-25 and 9999-12-31"));
  }

  @Test
  void refusesAnInstantBeyondFourDigitYears() throws Exception {
    expectInvalidReceivedAt(mockMvc.perform(get(DEADLINE).param("receivedAt", "+10000-01-01T00:00:00Z")));
  }

  private static ResultActions expectInvalidReceivedAt(ResultActions result) throws Exception {
    return result
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ApiProblemHandler.INVALID_INPUT_TYPE.toString()))
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail", containsString("receivedAt")))
        .andExpect(jsonPath("$.errors.length()").value(1))
        .andExpect(jsonPath("$.errors[0].field").value("receivedAt"));
  }
}
