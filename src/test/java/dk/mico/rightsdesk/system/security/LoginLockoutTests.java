package dk.mico.rightsdesk.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestDriver;
import dk.mico.rightsdesk.support.WebappSession;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Guessing a password slows the guesser down and never locks the account for good: issue 17's attack (wrong
 * passwords for "officer" through the Tasklist login) and its distributed and spraying variants, on the real
 * defaults (three failures free, then a wait from 2 seconds doubling up to 15 minutes; the admins told at 10).
 */
@RightsDeskSpringTest
@ExtendWith(OutputCaptureExtension.class)
class LoginLockoutTests {

  private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");
  /** The waits the defaults give after the 3rd, 4th, ... failure: doubling from 2 s, capped at 15 min. */
  private static final List<Long> DOUBLING_WAITS = List.of(2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 512L, 900L);
  private static final long CAP = 900;

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired IdentityService identity;
  @Autowired FailedLoginNotices notices;
  @LocalServerPort int port;

  @BeforeEach
  void fromAFixedMoment() {
    driver.reset();
    driver.setTime(Date.from(START));
  }

  @AfterEach
  void leaveNoCountsBehind() {
    driver.reset();
  }

  @Test
  void twentyTwoWrongPasswordsInTasklistSlowTheGuesserButTheOfficerGetsInAfterTheCappedWait() throws Exception {
    WebappSession attacker = new WebappSession(port);
    List<Long> waits = new ArrayList<>();
    for (int guess = 1; guess <= 22; guess++) {
      HttpResponse<String> answer = attacker.tryLogin("tasklist", "officer", "guess-" + guess);
      while (answer.statusCode() == 429) {
        long wait = retryAfter(answer);
        waits.add(wait);
        assertThat(answer.body()).as("the Tasklist login page shows the message").contains("\"message\"");
        moveClock(wait);
        answer = attacker.tryLogin("tasklist", "officer", "guess-" + guess);
      }
      assertThat(answer.statusCode()).as("guess %d, once let through, is checked and wrong", guess).isEqualTo(401);
    }
    assertThat(waits).as("every guess after the third waited, doubling up to the cap")
        .startsWith(DOUBLING_WAITS.toArray(Long[]::new)).hasSize(19).allMatch(wait -> wait <= CAP);
    assertNotLockedInCamunda("officer");

    HttpResponse<String> tooEarly = attacker.tryLogin("tasklist", "officer", "officer");
    assertThat(tooEarly.statusCode()).as("even the right password waits for the cap").isEqualTo(429);
    assertThat(retryAfter(tooEarly)).isEqualTo(CAP);
    assertThat(attacker.get("/camunda/api/admin/auth/user/default").statusCode())
        .as("a refused attempt never reaches Camunda's login").isNotEqualTo(200);

    moveClock(CAP);
    assertThat(attacker.tryLogin("tasklist", "officer", "officer").statusCode()).as("Tasklist").isEqualTo(200);
    assertThat(api("127.0.0.1", "officer", "officer").getStatus()).as("the API, same client").isEqualTo(200);
  }

  @Test
  void manyClientsGuessingOneUserAreSlowedTogetherAndTheAccountIsNeverLocked() throws Exception {
    List<Long> waits = new ArrayList<>();
    for (int client = 1; client <= 25; client++) {
      String address = "198.51.100." + client;
      MockHttpServletResponse answer = api(address, "officer", "guess-" + client);
      if (answer.getStatus() == 429) {
        assertThat(answer.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(answer.getContentAsString()).contains("\"status\":429");
        waits.add(retryAfter(answer));
        moveClock(retryAfter(answer));
        answer = api(address, "officer", "guess-" + client);
      }
      assertThat(answer.getStatus()).as("client %d's one guess, once let through", client).isEqualTo(401);
    }
    assertThat(waits).as("a fresh client waits for the user's failures").startsWith(
        DOUBLING_WAITS.toArray(Long[]::new)).allMatch(wait -> wait <= CAP);
    assertNotLockedInCamunda("officer");

    MockHttpServletResponse newLaptop = api("192.0.2.99", "officer", "officer");
    assertThat(newLaptop.getStatus()).as("the user's wait holds for the right password too").isEqualTo(429);
    moveClock(retryAfter(newLaptop));
    assertThat(api("192.0.2.99", "officer", "officer").getStatus()).isEqualTo(200);
  }

  @Test
  void theOfficersOwnAddressGetsInWhileOthersGuess() throws Exception {
    assertThat(api("192.0.2.10", "officer", "officer").getStatus()).as("the officer at her desk").isEqualTo(200);
    failFromManyClients("officer", 12, "guess-");
    assertThat(api("192.0.2.77", "officer", "officer").getStatus()).as("a new address waits").isEqualTo(429);
    assertThat(api("192.0.2.10", "officer", "officer").getStatus())
        .as("where she logged in before, the guessers' failures do not hold her up").isEqualTo(200);
  }

  @Test
  void oneClientGuessingManyUsersIsSlowedForEveryName() throws Exception {
    String sprayer = "203.0.113.7";
    List<String> names = List.of("officer", "manager", "admin", "olivia", "magnus");
    for (int i = 0; i < 3; i++) {
      assertThat(api(sprayer, names.get(i), "Summer2026!").getStatus()).isEqualTo(401);
    }
    MockHttpServletResponse fourth = api(sprayer, names.get(3), "Summer2026!");
    assertThat(fourth.getStatus()).as("a fourth name from the same client waits").isEqualTo(429);
    assertThat(retryAfter(fourth)).isEqualTo(2);

    assertThat(api(sprayer, "officer", "officer").getStatus()).as("right password, same client").isEqualTo(429);
    assertThat(api("192.0.2.10", "officer", "officer").getStatus()).as("another client is not held up")
        .isEqualTo(200);

    moveClock(2);
    assertThat(api(sprayer, names.get(4), "Summer2026!").getStatus()).isEqualTo(401);
    MockHttpServletResponse next = api(sprayer, "officer", "guess");
    assertThat(next.getStatus()).isEqualTo(429);
    assertThat(retryAfter(next)).as("the client's wait doubles").isEqualTo(4);
  }

  @Test
  void theAdminsAreToldOncePerEpisodeWithoutPasswordsInMailOrLog(CapturedOutput output) throws Exception {
    failFromManyClients("officer", 15, "secret-guess-");
    notices.awaitSent();
    driver.deliverMail();
    List<MimeMessage> told = driver.mailTo("admin@mico.dk");
    assertThat(told).as("one notice for the first episode, however long it goes on").hasSize(1);
    assertThat(TestDriver.subject(told.get(0))).contains("officer");
    assertThat(TestDriver.body(told.get(0))).contains("10 failed logins").doesNotContain("secret-guess")
        .containsPattern("since \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2} \\(Copenhagen time\\)")
        .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    assertThat(driver.mailTo("officer@mico.dk")).as("only the admins").isEmpty();
    assertThat(driver.mailTo("manager@mico.dk")).isEmpty();

    moveClock(CAP);
    assertThat(api("192.0.2.10", "officer", "officer").getStatus()).as("a success ends the episode").isEqualTo(200);
    failFromManyClients("officer", 10, "secret-guess-again-");
    notices.awaitSent();
    driver.deliverMail();
    assertThat(driver.mailTo("admin@mico.dk")).as("a new episode, a new notice").hasSize(2);

    assertThat(output.getAll()).contains("officer").doesNotContain("secret-guess");
  }

  @Test
  void aFlurryOfFailuresForANameThatIsNoUserTellsNobodyAndLogsNoName(CapturedOutput output) throws Exception {
    failFromManyClients("mette.sorensen@fjordbyg.example", 12, "guess-");
    notices.awaitSent();
    driver.deliverMail();
    assertThat(driver.mailTo("admin@mico.dk")).isEmpty();
    assertThat(output.getAll()).contains("failed logins").doesNotContain("mette.sorensen");
  }

  @Test
  void aForeignPagePostingTheLoginFormCountsNothing() throws Exception {
    HttpClient browserOnAForeignPage = HttpClient.newHttpClient();
    for (int post = 1; post <= 5; post++) {
      HttpResponse<String> answer = browserOnAForeignPage.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=officer&password=guess-" + post)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as("without the CSRF token no password is checked").isEqualTo(403);
    }
    assertThat(new WebappSession(port).login("tasklist", "officer", "officer"))
        .as("neither the address nor the user waits for them").isEqualTo(200);
  }

  @Test
  void theWebappsDoNotCheckAnotherUsersPasswordOnRequest() throws Exception {
    // Camunda answers it for whoever may read the user: an administrator, or a group given READ on users
    WebappSession admin = new WebappSession(port);
    assertThat(admin.login("admin", "admin", "admin")).isEqualTo(200);
    // the CSRF token rotates at login: a read fetches the new one, as the webapps do
    assertThat(admin.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);
    HttpResponse<String> verify = admin.postJson("/camunda/api/engine/engine/default/identity/verify",
        "{\"username\": \"officer\", \"password\": \"guess\"}");
    assertThat(verify.statusCode()).as("no unthrottled password check beside the login").isEqualTo(403);
    assertThat(verify.body()).as("refused by the app, not by Camunda's CSRF filter")
        .contains("Passwords are checked by logging in");
  }

  /** One wrong guess from each of many clients, waiting out the user's delay as a patient attacker does. */
  private void failFromManyClients(String user, int failures, String guessPrefix) throws Exception {
    for (int client = 1; client <= failures; client++) {
      String address = "198.51.100." + client;
      MockHttpServletResponse answer = api(address, user, guessPrefix + client);
      if (answer.getStatus() == 429) {
        moveClock(retryAfter(answer));
        answer = api(address, user, guessPrefix + client);
      }
      assertThat(answer.getStatus()).isEqualTo(401);
    }
  }

  private MockHttpServletResponse api(String clientAddress, String user, String password) throws Exception {
    return mvc.perform(get("/api/officer/requests").with(httpBasic(user, password)).with(request -> {
      request.setRemoteAddr(clientAddress);
      return request;
    })).andReturn().getResponse();
  }

  private void assertNotLockedInCamunda(String userId) {
    UserEntity user = (UserEntity) identity.createUserQuery().userId(userId).singleResult();
    assertThat(user.getAttempts()).as("Camunda counts no failed attempts of %s", userId).isZero();
    assertThat(user.getLockExpirationTime()).as("Camunda holds no lock on %s", userId).isNull();
    assertThat(identity.checkPassword(userId, userId)).as("Camunda itself takes the right password").isTrue();
  }

  private static void moveClock(long seconds) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofSeconds(seconds))));
  }

  private static long retryAfter(HttpResponse<String> answer) {
    return Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
  }

  private static long retryAfter(MockHttpServletResponse answer) {
    return Long.parseLong(answer.getHeader("Retry-After"));
  }
}
