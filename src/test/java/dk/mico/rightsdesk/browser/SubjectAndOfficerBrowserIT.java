package dk.mico.rightsdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.support.Browser;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
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
 * A subject submits the web form in a real browser, confirms the e-mail address by the button on the link's page,
 * and the officer logs into Tasklist and finds the request's task.
 */
@RightsDeskSpringTest
class SubjectAndOfficerBrowserIT {

  @LocalServerPort int port;
  @Autowired TestDriver driver;

  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
    driver.reset();
    browser = Browser.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void subjectSubmitsAndConfirmsThenOfficerSeesTheTaskInTasklist() throws Exception {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    browser.get(base + "/?lang=en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Make a request about your personal data");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    browser.findElement(By.id("type-ACCESS")).click();
    browser.findElement(By.id("name")).sendKeys("Birgitte Skov");
    browser.findElement(By.id("email")).sendKeys("birgitte.skov@example.dk");
    browser.findElement(By.id("details")).sendKeys("Please send me a copy of what you hold about me.");
    Browser.screenshot(browser, "01-web-form");
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Thank you"));
    String reference = browser.findElement(By.cssSelector(".reference")).getText().replaceAll(".*(DSR-\\d{4}-\\d{5}).*", "$1");
    assertThat(reference).matches("DSR-\\d{4}-\\d{5}");
    Browser.screenshot(browser, "02-submitted");

    driver.runDueJobs();
    String token = TestDriver.linkToken(driver.onlyMailTo("birgitte.skov@example.dk", "Confirm"), "confirm");
    browser.get(base + "/confirm/" + token);
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your e-mail address");
    Browser.screenshot(browser, "03-confirm-page");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "is confirmed"));
    assertThat(browser.getPageSource()).contains(reference);
    Browser.screenshot(browser, "04-confirmed");
    driver.runDueJobs();

    browser.get(base + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys("officer");
    browser.findElement(By.cssSelector("input[type='password']")).sendKeys("officer");
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Handle the request by hand"));
    Browser.screenshot(browser, "05-tasklist");
    browser.findElement(By.partialLinkText("Handle the request by hand")).click();
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector("input[id$='subjectName'], input[name='subjectName']"),
        "value", "Birgitte Skov"));
    Browser.screenshot(browser, "06-task-form");
  }
}
