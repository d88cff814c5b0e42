package dk.mico.rightsdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.LegalBasisReview;
import dk.mico.rightsdesk.fulfilment.Proposal;
import dk.mico.rightsdesk.fulfilment.RequestFindings.Candidate;
import dk.mico.rightsdesk.support.Browser;
import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.time.Duration;
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
 * The officer's legal-basis review in a real browser: the Tasklist task "Review legal basis" links to the review
 * page, where the officer confirms one proposal and overrides another, which is refused without a written
 * justification and saved with one; then the task completes.
 */
@RightsDeskSpringTest
class LegalBasisReviewBrowserIT {

  @LocalServerPort int port;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired LegalBasisReview review;
  @Autowired Discovery discovery;

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
      Browser.finish(browser, "review-99-last-page");
    }
  }

  @Test
  void officerOverridesOneProposalWithAJustification() throws Exception {
    String base = "http://localhost:" + port;
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    // a form post reloads the page: a wait that reads the old page meanwhile tries again
    wait.ignoring(WebDriverException.class);
    String reference = api.register("""
        {"type": "ERASURE", "name": "Birthe Ravnsbæk", "email": "birthe.r@netpost.example", "language": "en",
         "channel": "EMAIL", "receivedAt": "%s", "identityVerified": true,
         "identityNote": "Wrote from the address we hold"}""".formatted(TestClock.now().minusSeconds(60)));
    driver.runDueJobs();

    Browser.logIntoWebapp(browser, base, "tasklist", "officer", wait);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Review legal basis: " + reference));
    Browser.click(browser, By.partialLinkText("Review legal basis: " + reference));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.partialLinkText("Open the review page")));
    Browser.screenshot(browser, "review-01-tasklist-task");
    String link = browser.findElement(By.partialLinkText("Open the review page")).getAttribute("href");
    assertThat(link).endsWith("/officer/review/" + reference);

    browser.get(link);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), reference));
    Proposal participant = proposal(reference, "course_participant");
    Proposal subscriber = proposal(reference, "newsletter_subscriber");
    assertThat(participant.proposal()).isEqualTo("ERASE");
    new Select(browser.findElement(By.id("decision-" + participant.id()))).selectByValue("KEEP");
    new Select(browser.findElement(By.id("decision-" + subscriber.id()))).selectByValue(subscriber.proposal());
    browser.findElement(By.id("save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Nothing was saved"));
    assertThat(browser.findElement(By.id("proposal-" + participant.id())).getText())
        .contains("an override of the proposal needs a written justification");
    assertThat(proposal(reference, "newsletter_subscriber").decided()).as("nothing saved").isFalse();

    browser.findElement(By.id("justification-" + participant.id()))
        .sendKeys("The course is not yet held: the enrolment is still needed to run it (Art 17(1)(a) not met).");
    // her namesake at Fjordbyg A/S is found by the name alone: a candidate the officer rejects
    assertThat(discovery.candidates(reference)).isNotEmpty();
    for (Candidate candidate : discovery.candidates(reference)) {
      new Select(browser.findElement(By.id("candidate-" + candidate.id()))).selectByValue("REJECTED");
    }
    Browser.screenshot(browser, "review-02-override-with-justification");
    browser.findElement(By.id("save")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Every proposal is decided"));
    Browser.screenshot(browser, "review-03-saved");

    Proposal overridden = proposal(reference, "course_participant");
    assertThat(overridden.decision()).isEqualTo("KEEP");
    assertThat(overridden.overridden()).isTrue();
    assertThat(overridden.justification()).contains("not yet held");
    assertThat(overridden.decidedBy()).isEqualTo("officer");
    assertThat(proposal(reference, "newsletter_subscriber").decision()).isEqualTo("ERASE");
    assertThat(discovery.candidates(reference)).allMatch(c -> "REJECTED".equals(c.decision()));

    // back in Tasklist: the task completes now that every proposal is decided
    browser.get(base + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
        "Review legal basis: " + reference));
    Browser.click(browser, By.partialLinkText("Review legal basis: " + reference));
    By claim = By.xpath("//*[self::a or self::button][normalize-space()='Claim']");
    wait.until(ExpectedConditions.presenceOfElementLocated(claim));
    Browser.click(browser, claim);
    By complete = By.xpath("//button[normalize-space()='Complete']");
    wait.until(d -> Boolean.TRUE.equals(browser.executeScript(
        "return Array.from(document.querySelectorAll('button')).some(b => b.textContent.trim() === 'Complete'"
            + " && !b.disabled);")));
    Browser.click(browser, complete);
    wait.until(d -> driver.openTasks(reference, "UserTask_ReviewLegalBasis") == 0);
    Browser.screenshot(browser, "review-04-completed");
  }

  private Proposal proposal(String reference, String table) {
    return review.proposals(reference).stream().filter(p -> p.table().equals(table)).findFirst().orElseThrow();
  }
}
