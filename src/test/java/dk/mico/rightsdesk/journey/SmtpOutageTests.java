package dk.mico.rightsdesk.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.notification.LetterKind;
import dk.mico.rightsdesk.notification.SubjectLetters;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** An SMTP outage delays mail, becomes an incident after the retries, and loses nothing; no letter goes twice. */
@RightsDeskSpringTest
class SmtpOutageTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired SubjectLetters letters;

  @BeforeEach
  @AfterEach
  void reset() {
    driver.reset();
  }

  @Test
  void mailWaitsThroughAnOutageAndGoesOnceWhenTheServerIsBack() throws Exception {
    String email = "niels.krogh@example.dk";
    String reference = json.readTree(mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
            .content("{\"type\": \"ERASURE\", \"name\": \"Niels Krogh\", \"email\": \"" + email + "\"}"))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString()).path("reference").asText();
    String processInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference)
        .singleResult().getId();

    driver.mailServer().stop();
    Instant now = TestClock.now();
    for (int attempt = 0; attempt < 10 && job(processInstance).getRetries() > 0; attempt++) {
      try {
        management.executeJob(job(processInstance).getId());
      } catch (RuntimeException expected) {
        // the SMTP server is down
      }
      now = now.plus(Duration.ofHours(7));
      driver.setTime(Date.from(now));
    }
    Incident incident = runtime.createIncidentQuery().processInstanceId(processInstance).singleResult();
    assertThat(incident).as("an incident for Cockpit").isNotNull();
    assertThat(incident.getActivityId()).isEqualTo("Task_SendAcknowledgement");
    // the request is intact, and no half-sent letter was archived
    mvc.perform(get("/api/officer/requests/" + reference).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("AWAITING_CONFIRMATION"))
        .andExpect(jsonPath("$.letters").isEmpty());

    driver.mailServer().start();
    management.setJobRetries(job(processInstance).getId(), 1);
    driver.runDueJobs();
    assertThat(runtime.createIncidentQuery().processInstanceId(processInstance).count()).isZero();
    assertThat(driver.mailTo(email)).extracting(TestDriver::subject)
        .containsExactly("Vi har modtaget din anmodning " + reference,
            "Bekræft din e-mailadresse – anmodning " + reference);

    // a job that runs again after success finds the letter sent and sends nothing
    letters.send(reference, LetterKind.ACKNOWLEDGEMENT);
    assertThat(driver.mailTo(email)).hasSize(2);
  }

  /** The request's async step; its deadline watch's timer is a job of the process too. */
  private Job job(String processInstance) {
    return management.createJobQuery().processInstanceId(processInstance).messages().singleResult();
  }
}
