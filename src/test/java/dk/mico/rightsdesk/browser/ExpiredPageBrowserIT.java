package dk.mico.rightsdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.support.Browser;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A subject leaves a public page open and then presses its button. Past the session's 30 minutes (the session cookie
 * deleted in the browser, which is what the server sees then) the button simply works: the page's token is in a
 * cookie of its own. When the browser has lost every cookie (restarted, cleared), the page comes back in the
 * subject's language with what they typed, and pressing again works.
 */
@RightsDeskSpringTest
class ExpiredPageBrowserIT {

  /** A rectification worth keeping: several lines, Danish letters. */
  private static final String RECTIFICATION = """
      Mit efternavn er stavet forkert i jeres kundekartotek: der står Sørensen, men det rigtige er Søndergaard.
      Adressen er også forældet: jeg flyttede 1. oktober til Ærøgade 12, 2. th., 8000 Aarhus C.""";

  @LocalServerPort int port;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;

  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    assumeTrue(Browser.installed(), "Debian's chromium and chromium-driver are needed (.ci/run installs them)");
    driver.reset();
    browser = Browser.start();
    wait = new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @AfterEach
  void stop() throws Exception {
    if (browser != null) {
      Browser.finish(browser, "expired-99-last-page");
    }
  }

  @Test
  void danishRectificationSentFromABrowserThatLostItsCookiesIsKeptAndSentOnTheSecondPress() throws Exception {
    String base = "http://localhost:" + port;
    browser.get(base + "/");
    assertThat(browser.manage().getCookieNamed("JSESSIONID")).as("the form needs no session").isNull();
    browser.findElement(By.id("type-RECTIFICATION")).click();
    browser.findElement(By.id("name")).sendKeys("Mette Søndergaard");
    browser.findElement(By.id("email")).sendKeys("mette.browser@example.dk");
    browser.findElement(By.id("details")).sendKeys(RECTIFICATION);
    browser.manage().deleteAllCookies();
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    Browser.screenshot(browser, "expired-01-form-shown-again-da");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Send en anmodning om dine personoplysninger");
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .startsWith("Siden havde været åben for længe").contains("Det, du skrev, står her stadig");
    assertThat(browser.findElement(By.id("details")).getDomProperty("value")).isEqualTo(RECTIFICATION);
    assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Mette Søndergaard");
    assertThat(browser.findElement(By.id("email")).getDomProperty("value")).isEqualTo("mette.browser@example.dk");
    assertThat(browser.findElement(By.id("type-RECTIFICATION")).isSelected()).isTrue();
    browser.executeScript("arguments[0].scrollIntoView();", browser.findElement(By.id("name")));
    Browser.screenshot(browser, "expired-01-form-shown-again-da-text-kept");

    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tak, vi har modtaget"));
    Browser.screenshot(browser, "expired-02-sent-da");

    driver.runDueJobs();
    String token = TestDriver.linkToken(driver.onlyMailTo("mette.browser@example.dk", "Bekræft"), "confirm");
    browser.get(base + "/confirm/" + token);
    // a session the browser had (another page of the site) is gone 30 minutes later
    browser.manage().deleteCookieNamed("JSESSIONID");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "er bekræftet"));
    Browser.screenshot(browser, "expired-03-confirmed-after-the-session-da");
  }

  @Test
  void theReceiptPageReloadedAfterTheSessionExpiredStillShowsTheReferenceInEitherLanguage() throws Exception {
    browser.get("http://localhost:" + port + "/");
    browser.findElement(By.id("type-ERASURE")).click();
    browser.findElement(By.id("name")).sendKeys("Jens Kvittering");
    browser.findElement(By.id("email")).sendKeys("jens.receipt@example.dk");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Tak, vi har modtaget"));
    Matcher shown = Pattern.compile("DSR-\\d{4}-\\d{5}")
        .matcher(browser.findElement(By.cssSelector(".reference")).getText());
    assertThat(shown.find()).isTrue();
    String reference = shown.group();
    assertThat(browser.manage().getCookieNamed("JSESSIONID")).as("the receipt needs no session").isNull();

    // the tab is left open past the session's 30 minutes and the browser's cookies are gone: a reload still shows it
    browser.manage().deleteAllCookies();
    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".reference"), reference));
    Browser.screenshot(browser, "expired-05-receipt-reloaded-da");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("da");

    browser.findElement(By.cssSelector("a.lang")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Thank you, we have received"));
    Browser.screenshot(browser, "expired-06-receipt-in-english");
    assertThat(browser.findElement(By.cssSelector(".reference")).getText())
        .isEqualTo("Your reference is " + reference + ".");
  }

  @Test
  void englishIdentityAnswerSentFromABrowserThatLostItsCookiesIsKeptAndSentOnTheSecondPress() throws Exception {
    String reference = api.register("""
        {"type": "RECTIFICATION", "name": "Karl Browser", "email": "karl.browser@example.dk", "channel": "EMAIL",
         "receivedAt": "%s", "identityVerified": false, "language": "en"}""".formatted(TestClock.now()));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_CheckIdentity"), Map.of(
        "identityDecision", "ASK_FOR_INFORMATION", "identityNote", "The customer number on one of your invoices"));
    driver.runDueJobs();
    Matcher link = Pattern.compile("/identity-reply/[A-Za-z0-9_-]{43}")
        .matcher(TestDriver.body(driver.onlyMailTo("karl.browser@example.dk", "more information")));
    assertThat(link.find()).isTrue();

    browser.get("http://localhost:" + port + link.group());
    String answer = "My customer number is 10442.\nIt is on the invoice of 3 March for the GDPR course, "
        + "which I attended in Aarhus with two colleagues.";
    browser.findElement(By.id("reply")).sendKeys(answer);
    browser.manage().deleteAllCookies();
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".notice")));
    Browser.screenshot(browser, "expired-04-identity-answer-shown-again-en");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .startsWith("This page had been open too long").contains("What you wrote is still here");
    assertThat(browser.findElement(By.id("reply")).getDomProperty("value")).isEqualTo(answer);

    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Thank you for your answer"));
  }
}
