package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.notification.ControllerProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The problem documents any endpoint gets for bad input, through a probe controller of this test only. */
@WebMvcTest(controllers = ApiProblemHandlerTests.ProbeController.class)
@AutoConfigureMockMvc(addFilters = false)
@Import(ApiProblemHandlerTests.ProbeController.class)
// the public pages' controller advice needs the controller's details, even in a slice
@EnableConfigurationProperties(ControllerProperties.class)
class ApiProblemHandlerTests {

  @Autowired private MockMvc mockMvc;

  @Test
  void namesEveryFieldOfAnInvalidInputException() throws Exception {
    mockMvc
        .perform(get("/probe/invalid"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value(ApiProblemHandler.INVALID_INPUT_TYPE.toString()))
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.status").value(400))
        .andExpect(jsonPath("$.detail").value("These fields are invalid: name, email."))
        .andExpect(jsonPath("$.errors[0].field").value("name"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"))
        .andExpect(jsonPath("$.errors[1].field").value("email"));
  }

  @Test
  void namesAParameterOfTheWrongType() throws Exception {
    mockMvc
        .perform(get("/probe/count").param("count", "many"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.errors[0].field").value("count"))
        .andExpect(jsonPath("$.errors[0].message").value("has an invalid value: expected int"));
  }

  @Test
  void namesAMissingParameter() throws Exception {
    mockMvc
        .perform(get("/probe/count"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("count"))
        .andExpect(jsonPath("$.errors[0].message").value("is required"));
  }

  @Test
  void namesEveryInvalidFieldOfABodyWithoutRepeatingTheValues() throws Exception {
    mockMvc
        .perform(
            post("/probe/person")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \" \", \"email\": \"anna.jensen.example\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Invalid input"))
        .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("name", "email")))
        .andExpect(content().string(not(Matchers.containsString("anna.jensen.example"))));
  }

  @Test
  void answersOtherMvcErrorsAsProblemDocumentsToo() throws Exception {
    mockMvc
        .perform(post("/probe/count"))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(405));
  }

  @RestController
  static class ProbeController {

    @GetMapping("/probe/invalid")
    void invalid() {
      throw new InvalidInputException(
          List.of(new FieldError("name", "is required"), new FieldError("email", "is not an e-mail address")));
    }

    @GetMapping("/probe/count")
    int count(@RequestParam int count) {
      return count;
    }

    @PostMapping("/probe/person")
    Person person(@Valid @RequestBody Person person) {
      return person;
    }

    record Person(@NotBlank String name, @Email String email) {}
  }
}
