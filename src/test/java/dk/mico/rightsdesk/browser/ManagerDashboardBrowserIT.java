package dk.mico.rightsdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.support.Browser;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The manager logs into Cockpit, opens the requests page, sees the overdue request highlighted, marked stuck by its
 * task past the due date and counted in the banner, and nothing about the person, and cannot complete the request's
 * task.
 */
@RightsDeskSpringTest
class ManagerDashboardBrowserIT {

  private static final String NAME = "Hanne Hemmelighed";
  private static final String EMAIL = "hanne.hemmelighed@example.dk";

  @LocalServerPort int port;
  @Autowired TestDriver driver;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired TaskService tasks;
  @Autowired RequestLifecycle lifecycle;

  private ChromeDriver browser;
  private String reference;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
    driver.reset();
    browser = Browser.start();
  }

  @AfterEach
  void stop() throws Exception {
    // the browser tests share one database: leave no open task for the next test to find first
    if (reference != null) {
      lifecycle.withdraw(lifecycle.get(reference));
      driver.runDueJobs();
    }
    if (browser != null) {
      Browser.finish(browser, "manager-99-last-page");
    }
  }

  @Test
  void managerSeesTheOverdueRequestHighlightedAndStuckWithoutPersonalDataAndCannotCompleteItsTask()
      throws Exception {
    String body = json.writeValueAsString(Map.of("type", "ACCESS", "name", NAME, "email", EMAIL, "channel", "EMAIL",
        "receivedAt", TestClock.now().minus(java.time.Duration.ofDays(40)).toString(),
        "identityVerified", true, "identityNote", "Known sender"));
    reference = json.readTree(mvc.perform(post("/api/officer/requests").with(httpBasic("officer", "officer"))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("reference").asText();
    driver.runDueJobs();
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
    assertThat(task).as("the officer's task waits").isNotNull();

    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Browser.logIntoWebapp(browser, base, "cockpit", "manager", wait);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Process Definitions"));

    // the header link leads to the requests page
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='#/rights-requests']")));
    browser.executeScript("arguments[0].click();", browser.findElement(By.cssSelector("a[href='#/rights-requests']")));
    By row = By.cssSelector("tr[data-reference='" + reference + "']");
    wait.until(ExpectedConditions.presenceOfElementLocated(row));
    WebElement overdueRow = browser.findElement(row);
    assertThat(overdueRow.getAttribute("class")).contains("rd-overdue");
    assertThat(overdueRow.findElement(By.tagName("td")).getCssValue("background-color"))
        .as("highlighted in red").isEqualTo("rgba(248, 215, 218, 1)");
    assertThat(overdueRow.getText()).contains("ACCESS", "overdue", "Search the system by hand", "gdpr-officer");
    // its task is past its due date (the deadline): the request is stuck, and the banner counts it
    assertThat(overdueRow.findElement(By.cssSelector("td.rd-stuck")).getText())
        .startsWith("task past its due date since ").contains("Search the system by hand: " + reference);
    WebElement banner = browser.findElement(By.cssSelector(".rd-banner"));
    assertThat(banner.isDisplayed()).isTrue();
    assertThat(banner.getText()).containsPattern("\\d+ requests? (is|are) stuck");
    browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", overdueRow);
    Browser.screenshot(browser, "manager-01-dashboard");

    // "Show them" narrows the list to the stuck requests
    browser.executeScript("arguments[0].click();", banner.findElement(By.tagName("a")));
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".rd-dash"), "data-loaded-query", "state=STUCK"));
    assertThat(browser.findElements(By.cssSelector("tbody tr td.rd-stuck")))
        .allSatisfy(cell -> assertThat(cell.getText()).isNotEqualTo("–"));
    Browser.screenshot(browser, "manager-01b-stuck-requests");
    overdueRow = browser.findElement(row);

    String page = browser.getPageSource();
    assertThat(page).doesNotContain(NAME, "Hanne", "Hemmelighed", EMAIL, "hanne.hemmelighed");
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("@");

    // completing the task through the webapps' engine API, as Tasklist would, is refused
    Object completion = browser.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const token = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='))?.split('=')[1];
        fetch('/camunda/api/engine/engine/default/task/' + arguments[0] + '/complete', {method: 'POST',
            credentials: 'same-origin', headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': token},
            body: '{}'}).then(r => done(r.status), e => done('failed: ' + e));""", task.getId());
    assertThat(completion).isEqualTo(403L);
    assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is still open").isEqualTo(1);

    // the reference opens the request's process instance in Cockpit
    browser.executeScript("arguments[0].click();", overdueRow.findElement(By.tagName("a")));
    wait.until(ExpectedConditions.urlContains("/process-instance/"));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Data subject request"));
    Browser.screenshot(browser, "manager-02-process-instance");
  }

  @Test
  void managerOpensTheYearsStatisticsTheRecordOfProcessingAndTheProcedure() throws Exception {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    Browser.logIntoWebapp(browser, base, "cockpit", "manager", wait);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='#/rights-statistics']")));
    browser.executeScript("arguments[0].click();",
        browser.findElement(By.cssSelector("a[href='#/rights-statistics']")));

    String year = String.valueOf(TestClock.now().atZone(java.time.ZoneId.of("Europe/Copenhagen")).getYear());
    wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".rd-stats"), "data-loaded-year", year));
    wait.until(driver -> Boolean.TRUE.equals(browser.executeScript(
        "return [...document.querySelectorAll('.rd-stats canvas')].every(c => window.Chart && Chart.getChart(c));")));
    assertThat(browser.findElements(By.cssSelector(".rd-stats canvas"))).hasSize(4);
    assertThat(browser.findElement(By.cssSelector(".rd-key-figures")).getText())
        .contains("Requests received", "Median time from receipt to answer");
    assertThat(browser.findElement(By.cssSelector(".rd-stats a[download]")).getAttribute("href"))
        .endsWith("/api/officer/statistics.csv?year=" + year);
    Browser.screenshot(browser, "manager-03-statistics");

    // the Art 30 record reads the same Cockpit session
    browser.get(base + "/officer/records-of-processing?lang=en");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
        "Record of processing activities"));
    Browser.screenshot(browser, "manager-04-records-of-processing");

    // and the documented procedure, each model drawn with its steps
    browser.get(base + "/procedure");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"),
        "Procedure for data-subject requests"));
    assertThat(browser.findElements(By.cssSelector("section.process svg rect.task"))).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector(".undocumented"))).isEmpty();
    Browser.screenshot(browser, "manager-05-procedure");
    browser.executeScript("document.getElementById('ErasureRequestProcess').scrollIntoView();");
    Browser.screenshot(browser, "manager-06-procedure-erasure");
  }
}
