package dk.mico.rightsdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver: both paths are given so that Selenium downloads
 * nothing. Screenshots land in target/screenshots for a person to look at; the browser's console is kept, so that a
 * test fails when a page breaks its Content-Security-Policy.
 */
public final class Browser {

  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private Browser() {}

  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  public static ChromeDriver start() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,1000", "--lang=en",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    LoggingPreferences console = new LoggingPreferences();
    console.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", console);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /**
   * Ends a browser test: the last screenshot, then the browser closes, and the test fails if any page (the app's or
   * a Camunda webapp's) broke its Content-Security-Policy, as the browser's console reports it.
   */
  public static void finish(ChromeDriver driver, String lastScreenshot) throws IOException {
    List<String> violations;
    try {
      screenshot(driver, lastScreenshot);
      violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
          .map(LogEntry::getMessage)
          .filter(message -> message.contains("Content Security Policy"))
          .toList();
    } finally {
      driver.quit();
    }
    assertThat(violations).as("Content-Security-Policy violations in the browser's console").isEmpty();
  }

  public static Path screenshot(ChromeDriver driver, String name) throws IOException {
    Path directory = Files.createDirectories(Path.of("target", "screenshots"));
    Path file = directory.resolve(name + ".png");
    Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    return file;
  }

  /**
   * Logs into a Camunda webapp as a demo user (password = user name). Headless Chromium's native keystrokes and
   * clicks do not reach the webapps' Angular pages, so this types and submits from script, as Angular listens.
   */
  public static void logIntoWebapp(ChromeDriver driver, String base, String app, String user, WebDriverWait wait) {
    driver.get(base + "/camunda/app/" + app + "/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")));
    type(driver, By.cssSelector("input[ng-model='username']"), user);
    type(driver, By.cssSelector("input[ng-model='password']"), user);
    driver.executeScript("arguments[0].form.requestSubmit(arguments[0]);",
        driver.findElement(By.cssSelector("button[type='submit']")));
  }

  /** Clicks from script (see {@link #logIntoWebapp}). */
  public static void click(ChromeDriver driver, By element) {
    driver.executeScript("arguments[0].click();", driver.findElement(element));
  }

  /** Types into a field with an input event (see {@link #logIntoWebapp}). */
  public static void type(ChromeDriver driver, By field, String text) {
    driver.executeScript("arguments[0].value = arguments[1];"
        + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", driver.findElement(field), text);
  }
}
