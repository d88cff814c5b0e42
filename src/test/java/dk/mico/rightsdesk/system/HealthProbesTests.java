package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Load balancers ask /actuator/health/liveness and /readiness, anonymously: an SMTP outage keeps a node in service
 * (intake needs no mail; letters wait), shows no details to them, and is logged once, not at every call.
 */
@RightsDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class HealthProbesTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;

  @AfterEach
  void mailServerBack() {
    driver.reset();
  }

  @Test
  void withTheMailServerDownTheNodeStaysLiveAndReadyAndOnlyAnAdminSeesWhatFailed() throws Exception {
    driver.mailServer().stop();

    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      mvc.perform(get(probe))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.status").value("UP"))
          .andExpect(jsonPath("$.components").doesNotExist());
    }
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.status").value("DOWN"))
        .andExpect(jsonPath("$.components").doesNotExist());
    mvc.perform(get("/actuator/health").with(httpBasic("admin", "admin")))
        .andExpect(jsonPath("$.components.mail.status").value("DOWN"))
        .andExpect(jsonPath("$.components.db.status").value("UP"));
  }

  @Test
  void aFailingCheckIsLoggedOnceWhenItFailsAndOnceWhenItIsBack(CapturedOutput output) throws Exception {
    // whatever an earlier test left: the checks are known to be UP from here on
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    int before = output.getAll().length();

    driver.mailServer().stop();
    for (int call = 0; call < 25; call++) {
      mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
    }
    driver.mailServer().start();
    for (int call = 0; call < 5; call++) {
      mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    String log = output.getAll().substring(before);
    assertThat(log.lines().filter(line -> line.contains("Health check mail")))
        .satisfiesExactly(
            down -> assertThat(down).contains("WARN", "Health check mail is DOWN", "127.0.0.1"),
            back -> assertThat(back).contains("INFO", "Health check mail is UP again"));
    assertThat(log.lines().filter(line -> line.startsWith("\tat "))).as("no stack trace").isEmpty();
  }
}
