package dk.mico.rightsdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.support.Browser;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
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
      Browser.finish(browser, "99-last-page");
    }
  }

  @Test
  void subjectSubmitsAndConfirmsThenOfficerSeesTheTaskInTasklist() throws Exception {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    browser.get(base + "/?lang=en");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Make a request about your personal data");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    browser.findElement(By.id("type-RECTIFICATION")).click();
    browser.findElement(By.id("name")).sendKeys("Birgitte Skov");
    browser.findElement(By.id("email")).sendKeys("birgitte.skov@example.dk");
    browser.findElement(By.id("details")).sendKeys("My surname is Skov, not Skou.");
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

    // the webapps' Angular pages take script events only (Browser.logIntoWebapp); the app's own pages take real ones
    Browser.logIntoWebapp(browser, base, "tasklist", "officer", wait);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Check accuracy: " + reference));
    Browser.screenshot(browser, "05-tasklist");
    Browser.click(browser, By.partialLinkText("Check accuracy: " + reference));
    // the task's Camunda Form shows the subject, read from the request record
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
        "return Array.from(document.querySelectorAll('input')).some(i => i.value === 'Birgitte Skov');")));
    Browser.screenshot(browser, "06-task-form");
  }

  /**
   * Three requests registered a minute apart, the latest deadline first, so that Tasklist's own sorting (by creation,
   * newest first) would list them the other way round. Received long ago, so that their deadlines lead the list
   * whatever other tests left open.
   */
  @Test
  void officersListShowsTheEarliestDeadlineFirstAndDatesTheDanishWay() throws Exception {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    List<String> references = new ArrayList<>();
    for (int daysAgo : new int[] {80, 90, 100}) {
      references.add(api.register("""
          {"type": "RECTIFICATION", "name": "Sortering Person", "email": "sortering.%d@example.dk", "channel": "LETTER",
           "receivedAt": "%s", "details": "My name is spelt wrong", "identityVerified": true,
           "identityNote": "Signed letter matches the records"}""".formatted(daysAgo,
          TestClock.now().minus(Duration.ofDays(daysAgo)))));
      driver.runDueJobs();
      driver.setTime(Date.from(TestClock.now().plusSeconds(60)));
    }
    List<String> earliestDeadlineFirst = new ArrayList<>(references);
    Collections.reverse(earliestDeadlineFirst);

    Browser.logIntoWebapp(browser, base, "tasklist", "officer", wait);
    for (String reference : references) {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("ol.tasks-list"), reference));
    }
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-sorting-choices]"),
        "Due date"));
    assertThat(browser.findElement(By.cssSelector("[cam-sorting-choices]")).getText())
        .as("the list's header says how it is sorted").doesNotContain("Created");
    Browser.screenshot(browser, "09-tasklist-by-due-date");
    List<WebElement> rows = browser.findElements(By.cssSelector("ol.tasks-list li.task"));
    List<String> names = rows.stream().map(row -> row.findElement(By.cssSelector("h4.task a")).getText()).toList();
    // the row's due date, written out in its tooltip (config.js: dateFormat.long), e.g. "Friday 4. December 2026 10:00"
    List<LocalDateTime> dues = rows.stream().map(row -> LocalDateTime.parse(
        row.findElement(By.cssSelector(".due-date [uib-tooltip]")).getAttribute("uib-tooltip"),
        DateTimeFormatter.ofPattern("EEEE d. MMMM yyyy HH:mm", Locale.ENGLISH))).toList();
    assertThat(dues).isSorted();
    assertThat(earliestDeadlineFirst.stream().map(reference -> indexOfRowNaming(names, reference)).toList())
        .as("rows of %s", names).isSorted().doesNotContain(-1);

    String first = earliestDeadlineFirst.get(0);
    Browser.click(browser, By.partialLinkText("Check accuracy: " + first));
    String dueDate = LocalDate.parse(api.view(first).path("dueDate").asText())
        .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
        "return Array.from(document.querySelectorAll('input')).some(i => i.value === arguments[0]);", dueDate)));
    browser.executeScript("Array.from(document.querySelectorAll('input')).find(i => i.value === arguments[0])"
        + ".scrollIntoView({block: 'center'});", dueDate);
    Browser.screenshot(browser, "10-task-due-date-in-danish");
  }

  private static int indexOfRowNaming(List<String> names, String reference) {
    return names.stream().filter(name -> name.contains(reference)).findFirst().map(names::indexOf).orElse(-1);
  }

  @Test
  void officerFindsTheRegistrationFormAndManagerWatchesInCockpit() throws Exception {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    Browser.logIntoWebapp(browser, base, "tasklist", "officer", wait);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("Start process")));
    Browser.click(browser, By.partialLinkText("Start process"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("Data subject request")));
    Browser.click(browser, By.partialLinkText("Data subject request"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Register a request"));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("Date received", "Time received (Copenhagen)", "Identity verified");
    // the browser speaks English (Browser.start), where the form would take 12/04/2026 for 4 December
    assertThat(browser.findElement(By.cssSelector("input[id*='Field_receivedDate']")).getAttribute("placeholder"))
        .isEqualTo("dd.mm.yyyy");
    Browser.screenshot(browser, "07-register-start-form");

    browser.manage().deleteAllCookies();
    Browser.logIntoWebapp(browser, base, "cockpit", "manager", wait);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Process Definitions"));
    browser.get(base + "/camunda/app/cockpit/default/#/processes");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Data subject request"));
    Browser.screenshot(browser, "08-cockpit-manager");
  }
}
