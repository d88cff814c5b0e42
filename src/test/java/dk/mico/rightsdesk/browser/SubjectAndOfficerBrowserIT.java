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
  void stop() throws Exception {
    if (browser != null) {
      Browser.screenshot(browser, "99-last-page");
      browser.quit();
    }
  }

  private void type(By field, String text) {
    browser.executeScript("arguments[0].value = arguments[1];"
        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", browser.findElement(field), text);
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
    // In headless Chromium, native keystrokes and clicks do not reach Tasklist's Angular page (they do reach the
    // app's own pages above): the test types with input events and clicks from script, as Angular listens
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    type(By.cssSelector("input[ng-model='username']"), "officer");
    type(By.cssSelector("input[ng-model='password']"), "officer");
    browser.executeScript("arguments[0].form.requestSubmit(arguments[0]);",
        browser.findElement(By.cssSelector("button[type='submit']")));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Handle the request by hand"));
    Browser.screenshot(browser, "05-tasklist");
    browser.executeScript("arguments[0].click();", browser.findElement(By.partialLinkText("Handle the request by hand")));
    // the task's Camunda Form shows the subject, read from the request record
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
        "return Array.from(document.querySelectorAll('input')).some(i => i.value === 'Birgitte Skov');")));
    Browser.screenshot(browser, "06-task-form");
  }
}
