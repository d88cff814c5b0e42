package dk.mico.rightsdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.Browser;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The officer reviews an access report in a real browser: finds "Review the report" in Tasklist, opens the review
 * page from it (the Tasklist session counts), withholds the passage that names another person, and approves the
 * report in Tasklist; the letter then waits for the officer's approval.
 */
@RightsDeskSpringTest
class AccessReviewBrowserIT {

  @LocalServerPort int port;
  @Autowired TestDriver driver;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired OfficerApi api;

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
      Browser.finish(browser, "access-99-last-page");
    }
  }

  @Test
  void officerRedactsAPassageAndApprovesTheReportInTasklist() throws Exception {
    String reference = accessRequestFromMette();
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    Browser.logIntoWebapp(browser, base, "tasklist", "officer", wait);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Review the report: " + reference));
    Browser.click(browser, By.partialLinkText("Review the report: " + reference));
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
        "return Array.from(document.querySelectorAll('input')).some(i => i.value === arguments[0]);",
        "/officer/access/" + reference)));
    Browser.screenshot(browser, "access-01-review-task");

    // the review page, opened with the Tasklist session
    browser.get(base + "/officer/access/" + reference);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), reference));
    assertThat(browser.findElement(By.id("returned")).getText()).contains("Sagsstyringssystem");
    By flagged = By.cssSelector("#passages tr.flagged input[name='redact']");
    assertThat(browser.findElement(By.cssSelector("#passages tr.flagged")).getText()).contains("Ida Bøgh");
    // a passage naming someone else is withheld unless the officer unticks it
    assertThat(browser.findElement(flagged).isSelected()).isTrue();
    Browser.screenshot(browser, "access-02-review-page");
    browser.findElement(By.id("save-choices")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved"));
    assertThat(browser.findElement(flagged).isSelected()).isTrue();
    browser.switchTo().frame(browser.findElement(By.cssSelector("iframe.report")));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("[udeladt, art. 15, stk. 4]").doesNotContain("Ida Bøgh");
    browser.switchTo().defaultContent();
    Browser.screenshot(browser, "access-03-redacted");

    // back in Tasklist: approve
    browser.get(base + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Review the report: " + reference));
    Browser.click(browser, By.partialLinkText("Review the report: " + reference));
    By claim = By.xpath("//*[self::a or self::button][normalize-space()='Claim']");
    wait.until(ExpectedConditions.presenceOfElementLocated(claim));
    Browser.click(browser, claim);
    By approve = By.xpath("//label[contains(normalize-space(), 'Approve the report')]");
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
        "return Array.from(document.querySelectorAll('input[type=radio]')).some(i => !i.disabled);")));
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      Browser.click(browser, approve);
      return true;
    });
    Browser.screenshot(browser, "access-04-approve");
    By complete = By.xpath("//button[normalize-space()='Complete']");
    // Tasklist may draw the claimed task's form once more after the claim, dropping a choice or a click made in
    // between, or taking the button away under the click (seen in full runs, with seven tasks in the list): choose
    // again if the choice is gone and complete again until the server has the answer (a second completion of a done
    // task only gets Tasklist's "not found")
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      if (driver.onlyTaskOrNone(reference, "UserTask_ReviewReport") == null) {
        return true;
      }
      if (!Boolean.TRUE.equals(browser.executeScript(
          "return Array.from(document.querySelectorAll('input[type=radio]')).some(i => i.checked);"))) {
        Browser.click(browser, approve);
      }
      Browser.click(browser, complete);
      return false;
    });
    driver.runDueJobs();

    assertThat(driver.taskField(driver.onlyTask(reference, "UserTask_ApproveAnswer"), "letterPreview"))
        .contains("udeladt", "personligt link til download");
    assertThat(api.view(reference).path("history").toString()).contains("REPORT_REVIEWED");
    Browser.screenshot(browser, "access-05-approved");
  }

  /** Mette, in several systems, asks for access by letter; the e-mail archive's owner found nothing there. */
  private String accessRequestFromMette() throws Exception {
    String body = """
        {"type": "ACCESS", "name": "Mette Kjærgaard Sørensen", "email": "mette.sorensen@fjordbyg.example",
         "language": "da", "channel": "LETTER", "receivedAt": "%s", "identityVerified": true,
         "identityNote": "Signed letter from the address we know"}"""
        .formatted(TestClock.now().minus(java.time.Duration.ofHours(2)));
    String response = mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    String reference = json.readTree(response).path("reference").asText();
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_SearchManualSystem"),
        Map.of("foundInSystem", "NOTHING"));
    driver.runDueJobs();
    return reference;
  }
}
