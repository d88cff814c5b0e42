package dk.mico.rightsdesk.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.mico.rightsdesk.inbox.InboxPoller;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;

/** The demo mailbox page shows whatever the embedded SMTP server received, even mail it cannot fully read. */
@RightsDeskSpringTest
class DevMailboxTests {

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired JavaMailSender mailSender;
  @Autowired InboxPoller poller;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void mailToAnAddressOutsideAsciiDoesNotBreakThePage() throws Exception {
    // what the intake once let through: the address travels as raw UTF-8 and comes back unparseable
    MimeMessage message = mailSender.createMimeMessage();
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("søren@bø.dk"));
    message.setSubject("Til en IDN-adresse", "UTF-8");
    message.setText("Hej", "UTF-8");
    mailSender.send(message);

    mvc.perform(get("/dev/mailbox").accept(MediaType.TEXT_HTML).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Til en IDN-adresse")));
    mvc.perform(get("/dev/mailbox").accept(MediaType.APPLICATION_JSON).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].subject").value("Til en IDN-adresse"))
        .andExpect(jsonPath("$[0].to[0]").isNotEmpty());
  }

  @Test
  void thePageShowsTheGdprMailboxAndWhatRightsDeskHasTaken() throws Exception {
    MimeMessage message = mailSender.createMimeMessage();
    message.setFrom(new InternetAddress("jens.petersen@example.dk"));
    message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("gdpr@mico.dk"));
    message.setSubject("Indsigt, tak", "UTF-8");
    message.setText("Jeg vil gerne have indsigt.", "UTF-8");
    mailSender.send(message);

    mvc.perform(get("/dev/mailbox").accept(MediaType.TEXT_HTML).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("The GDPR mailbox (gdpr@mico.dk)")))
        .andExpect(content().string(containsString("not yet taken")));
    mvc.perform(get("/dev/mailbox/gdpr").accept(MediaType.APPLICATION_JSON).with(httpBasic("officer", "officer")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].mail.subject").value("Indsigt, tak"))
        .andExpect(jsonPath("$[0].handled").value(false));

    poller.poll();
    driver.runDueJobs(); // the e-mail's process flags it handled

    mvc.perform(get("/dev/mailbox/gdpr").accept(MediaType.APPLICATION_JSON).with(httpBasic("officer", "officer")))
        .andExpect(jsonPath("$[0].handled").value(true));
    mvc.perform(get("/dev/mailbox/gdpr").with(httpBasic("manager", "manager"))).andExpect(status().isForbidden());
  }
}
