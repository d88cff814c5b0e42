package dk.mico.rightsdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application (target/rights-desk-*.jar, which {@code package} builds before failsafe runs) as a JVM of
 * its own, for the failsafe tests that kill it: start and wait until healthy, SIGKILL, start again on the same
 * working directory and port, and the plain HTTP calls these tests make. Each start writes its own log under
 * {@code logDir}. StartMemoryBenchmark starts the bare engine it compares with through it too.
 */
public class AppProcess {

  /** Waiting for readiness; generous because the machine may be busy (two cores, other JVMs starting). */
  public static final Duration STARTUP_DEADLINE = Duration.ofSeconds(300);

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The hidden field Spring Security's Thymeleaf integration adds to every form of the app's pages. */
  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final String name;
  /** null: the packaged application */
  private final Path jar;
  private final List<String> jvmOptions;
  private final String readyPath;
  private final Path workDir;
  private final Path logDir;
  private final int port;
  private final List<String> arguments;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10))
      .build();

  private Process process;
  private Path log;
  private int starts;

  /**
   * @param name names the log files (name-start-N.log)
   * @param arguments Spring Boot arguments beyond {@code --server.port}, e.g. {@code --spring.mail.port=...}
   */
  public AppProcess(String name, Path workDir, Path logDir, int port, List<String> arguments) {
    this(name, null, List.of(), "/actuator/health/readiness", workDir, logDir, port, arguments);
  }

  /**
   * Any Spring Boot jar, e.g. the bare engine StartMemoryBenchmark compares ours with.
   *
   * @param jar null for the packaged application
   * @param jvmOptions before {@code -jar}, e.g. heap bounds
   * @param readyPath the path that answers 200 once the application is ready
   */
  public AppProcess(String name, Path jar, List<String> jvmOptions, String readyPath, Path workDir, Path logDir,
      int port, List<String> arguments) {
    this.name = name;
    this.jar = jar;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.readyPath = readyPath;
    this.workDir = workDir;
    this.logDir = logDir;
    this.port = port;
    this.arguments = List.copyOf(arguments);
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  /** The operating system's id of the running JVM (for /proc and jcmd). */
  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Starts the jar and waits until its ready path answers 200; fails with the log's tail otherwise. */
  public void start() throws IOException, InterruptedException {
    starts++;
    Files.createDirectories(logDir);
    log = logDir.resolve(name + "-start-" + starts + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", (jar != null ? jar : packagedJar()).toString(), "--server.port=" + port));
    command.addAll(arguments);
    process = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Instant deadline = Instant.now().plus(STARTUP_DEADLINE);
    while (true) {
      if (!process.isAlive()) {
        fail("%s exited with %d while starting%s", name, process.exitValue(), logTail());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri(readyPath))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (Instant.now().isAfter(deadline)) {
        fail("%s is not ready after %s%s", name, STARTUP_DEADLINE, logTail());
      }
      Thread.sleep(200);
    }
  }

  /** SIGKILL on Linux: no shutdown hooks, no orderly close of anything. Answers the exit status (128 + 9). */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed JVM %s is gone", name).isTrue();
    return process.exitValue();
  }

  /** For @AfterEach: whatever state the test left the JVM in. */
  public void stop() throws InterruptedException {
    if (isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The last lines of the current start's log, for failure messages. */
  public String logTail() {
    if (log == null || !Files.exists(log)) {
      return "";
    }
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "\n--- last lines of " + log + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "\n(could not read " + log + ": " + e + ")";
    }
  }

  // --- HTTP ------------------------------------------------------------------------------------------------------

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A submission through the public API, as a subject's client sends it. */
  public HttpResponse<String> submit(Map<String, String> request) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri("/api/requests"))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The reference of a 202, null for any other answer. */
  public static String referenceOf(HttpResponse<String> response) throws IOException {
    if (response.statusCode() != 202) {
      return null;
    }
    String reference = JSON.readTree(response.body()).path("reference").asText();
    assertThat(reference).matches("DSR-\\d{4}-\\d{5}");
    return reference;
  }

  public HttpResponse<String> get(String path, String user, String password)
      throws IOException, InterruptedException {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + credentials)
        .header("Accept", "application/json")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The request as the officer sees it (status, history, letters, changes); fails on anything but 200. */
  public JsonNode officerView(String reference) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/officer/requests/" + reference, "officer", "officer");
    assertThat(response.statusCode()).as("officer view of %s%s", reference, logTail()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /**
   * Follows a confirmation link as a subject's browser does: the page (a session and its CSRF token), then its button.
   * Answers the status of the button's post; the page answers 200 with its "thank you" when it worked.
   */
  public int confirm(String token) throws IOException, InterruptedException {
    HttpClient browser = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(uri("/confirm/" + token))
        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    Matcher csrf = CSRF_FIELD.matcher(page.body());
    assertThat(csrf.find()).as("the confirmation page's form (%d)%s", page.statusCode(), logTail()).isTrue();
    return browser.send(HttpRequest.newBuilder(uri("/confirm/" + token))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  // --- the packaged jar and its ports ------------------------------------------------------------------------------

  public static Path packagedJar() throws IOException {
    List<Path> jars = new ArrayList<>();
    // the glob leaves out Spring Boot's rights-desk-*.jar.original
    try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "rights-desk-*.jar")) {
      found.forEach(jars::add);
    }
    assertThat(jars).as("the jar that `package` builds before failsafe runs").hasSize(1);
    return jars.get(0).toAbsolutePath();
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
