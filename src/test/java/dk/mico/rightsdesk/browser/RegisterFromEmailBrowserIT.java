package dk.mico.rightsdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.mico.rightsdesk.inbox.InboundEmail;
import dk.mico.rightsdesk.inbox.Inbox;
import dk.mico.rightsdesk.inbox.InboxPoller;
import dk.mico.rightsdesk.inbox.InboxState;
import dk.mico.rightsdesk.support.Browser;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An e-mail to gdpr@mico.dk asks for access and erasure at once; the officer opens its task in Tasklist, ticks both
 * rights and completes it, and two requests are registered, each received when the mail reached the mailbox.
 */
@RightsDeskSpringTest
class RegisterFromEmailBrowserIT {

  @LocalServerPort int port;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired InboxPoller poller;
  @Autowired Inbox inbox;

  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
    driver.reset();
    browser = Browser.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      Browser.finish(browser, "email-99-last-page");
    }
  }

  @Test
  void officerRegistersAnAccessAndAnErasureRequestFromOneMailInTasklist() throws Exception {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    String subject = "Indsigt og sletning " + UUID.randomUUID().toString().substring(0, 8);
    MimeMessage mail = new MimeMessage(Session.getInstance(new java.util.Properties()));
    mail.setFrom(new InternetAddress("jonas." + UUID.randomUUID().toString().substring(0, 8) + "@havnelogistik.example",
        "Jonas Holm", "UTF-8"));
    mail.setRecipients(MimeMessage.RecipientType.TO, "gdpr@mico.dk");
    mail.setSubject(subject, "UTF-8");
    mail.setText("Hej. Jeg vil gerne se, hvad I har om mig, og bagefter skal I slette det. Venlig hilsen Jonas",
        "UTF-8");
    driver.deliverToGdprMailbox(mail); // arrives on the test clock, which the registration compares with
    assertThat(poller.poll()).isEqualTo(1);
    InboundEmail email = inbox.list(InboxState.NEW).stream().filter(e -> subject.equals(e.subject())).findFirst()
        .orElseThrow();
    driver.runDueJobs();

    Browser.logIntoWebapp(browser, base, "tasklist", "officer", wait);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Register the request from an e-mail"));
    Browser.screenshot(browser, "email-01-tasklist");
    Browser.click(browser, By.partialLinkText("Register the request from an e-mail"));
    By claim = By.xpath("//*[self::a or self::button][normalize-space()='Claim']");
    wait.until(ExpectedConditions.presenceOfElementLocated(claim));
    Browser.click(browser, claim);
    waitForLabel(wait, "A request: register one request");
    Browser.screenshot(browser, "email-02-task-opened");
    tick("A request: register one request");
    waitForLabel(wait, "Erasure (Art 17)");
    tick("Access (Art 15)");
    tick("Erasure (Art 17)");
    Browser.screenshot(browser, "email-03-two-rights-ticked");
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
        "return Array.from(document.querySelectorAll('button')).some(b => b.textContent.trim() === 'Complete'"
            + " && !b.disabled);")));
    Browser.click(browser, By.xpath("//button[normalize-space()='Complete']"));
    wait.until(d -> inbox.get(email.id()).state() == InboxState.REGISTERED);
    Browser.screenshot(browser, "email-04-completed");

    List<String> types = new ArrayList<>();
    for (String reference : inbox.get(email.id()).references()) {
      JsonNode view = api.view(reference);
      assertThat(OffsetDateTime.parse(view.path("receivedAt").asText()).toInstant())
          .as("received when the mail reached the mailbox").isEqualTo(email.receivedAt());
      assertThat(view.path("channel").asText()).isEqualTo("EMAIL");
      types.add(view.path("type").asText());
    }
    assertThat(types).containsExactlyInAnyOrder("ACCESS", "ERASURE");
  }

  /** The input a label names (nested in it or named by its "for"), found by the label's text. */
  private static final String LABELLED = "function labelled(text) { const l = Array.from("
      + "document.querySelectorAll('label')).find(l => l.textContent.trim().startsWith(text));"
      + " return l ? l.control : null; }\n";

  private void waitForLabel(WebDriverWait wait, String label) {
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(LABELLED + "return labelled(arguments[0]) != null;",
        label)));
  }

  /** Ticks a checkbox or picks a radio option by its label, from script (see Browser.logIntoWebapp). */
  private void tick(String label) {
    browser.executeScript(LABELLED + "labelled(arguments[0]).click();", label);
  }
}
