package dk.mico.rightsdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.support.Browser;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * F6 in a real browser: the Tasklist form that decides a refusal shows the language of the subject's letters and
 * links to the preview, where the officer reads the whole letter with the text as typed before anything goes out.
 */
@RightsDeskSpringTest
class LetterPreviewBrowserIT {

  @LocalServerPort int port;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired RepositoryService repository;
  @Autowired FormService forms;
  @Autowired IdentityService identity;

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
      Browser.finish(browser, "letter-preview-99-last-page");
    }
  }

  @Test
  void f6_officerSeesTheLettersLanguageInTheFormAndPreviewsTheWholeLetter() throws Exception {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.ignoring(WebDriverException.class);
    String reference = api.register("""
        {"type": "ACCESS", "name": "Dorte Dansk", "email": "dorte.dansk@netpost.example", "language": "da",
         "channel": "EMAIL", "receivedAt": "%s", "identityVerified": true,
         "identityNote": "Wrote from the address we hold"}""".formatted(TestClock.now().minusSeconds(60)));
    driver.runDueJobs();
    Task decide = startArt12Decision(reference);

    Browser.logIntoWebapp(browser, base, "tasklist", "officer", wait);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    browser.get(base + "/camunda/app/tasklist/default/#/?task=" + decide.getId());
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
        "return Array.from(document.querySelectorAll('input')).some(i => i.value === 'Danish (dansk)');")));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Language of the subject's letters", "to the subject word for word, in the letter's language");
    Browser.screenshot(browser, "letter-preview-01-tasklist-form");
    String link = browser.findElement(By.partialLinkText("See the whole letter")).getAttribute("href");
    assertThat(link).endsWith("/officer/letters/preview?reference=" + reference);

    browser.get(link);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("letter-language"), "Danish (dansk)"));
    new Select(browser.findElement(By.id("kind"))).selectByValue("REFUSAL_EXCESSIVE");
    new Select(browser.findElement(By.id("ground"))).selectByValue("EXCESSIVE");
    browser.findElement(By.id("text")).sendKeys("Du har fået den samme kopi tre gange i november.");
    browser.findElement(By.cssSelector("#preview button[type='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("letter-body")));
    Browser.screenshot(browser, "letter-preview-02-whole-letter");

    assertThat(browser.findElement(By.id("letter-subject")).getText())
        .isEqualTo("Vi imødekommer ikke din anmodning " + reference);
    assertThat(browser.findElement(By.id("letter-body")).getText())
        .contains("Kære Dorte Dansk", "den er overdreven",
            "Begrundelse: Du har fået den samme kopi tre gange i november.", "Datatilsynet");
    assertThat(driver.mailTo("dorte.dansk@netpost.example")).as("only the acknowledgement: a preview sends nothing")
        .hasSize(1);
  }

  private Task startArt12Decision(String reference) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("Art12DecisionProcess")
        .latestVersion().singleResult().getId();
    identity.setAuthentication("officer", List.of("gdpr-officer"));
    try {
      forms.submitStartForm(definition, Map.of("requestReference", reference));
    } finally {
      identity.clearAuthentication();
    }
    return driver.onlyTask(reference, "UserTask_DecideOutcome");
  }
}
