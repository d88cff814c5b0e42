package dk.mico.rightsdesk.web.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A subject's page left open for longer than a session lives (30 minutes). Its form still works: the page's CSRF
 * token is in a cookie of its own, not in the session. When the browser has lost that cookie too (restarted, cookies
 * cleared) or the token is not the page's, the form is refused and nothing is done (no request stored, nothing
 * confirmed or withdrawn), and the page comes back in the subject's language with what they typed and a fresh token,
 * so that sending it again works. Over real HTTP, since the page is shown again by a forward inside the server.
 */
@RightsDeskSpringTest
class ExpiredPageFormsTests {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  /** A rectification as a subject might write it: several lines, Danish letters, worth keeping. */
  private static final String RECTIFICATION = """
      Mit efternavn er stavet forkert i jeres kundekartotek: der står Sørensen, men det rigtige er Søndergaard.
      Adressen er også forældet: jeg flyttede 1. oktober til Ærøgade 12, 2. th., 8000 Aarhus C.""";

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void aSubjectsPageNeedsNoSessionSoItsFormWorksHoweverLongThePageWasOpen() throws Exception {
    Visitor subject = new Visitor();
    HttpResponse<String> page = subject.get("/");

    assertThat(page.headers().allValues("Set-Cookie"))
        .noneMatch(cookie -> cookie.startsWith("JSESSIONID"))
        .anySatisfy(cookie -> assertThat(cookie).startsWith("rightsdesk-form=").contains("HttpOnly", "SameSite=Lax"));
    HttpResponse<String> sent = subject.post("/", subject.csrfToken(page),
        rectification("Hanne Lund", "hanne.lund@example.dk"));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(requestsFrom("hanne.lund@example.dk")).isEqualTo(1);
  }

  @Test
  void aTokenFromAnotherBrowsersPageIsRefused() throws Exception {
    String attackersToken = new Visitor().csrfToken(new Visitor().get("/"));
    Visitor subject = new Visitor();
    subject.get("/");

    HttpResponse<String> refused = subject.post("/", attackersToken, rectification("Jens Vad", "jens.vad@example.dk"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Siden havde været åben for længe");
    assertThat(requestsFrom("jens.vad@example.dk")).isZero();
  }

  @Test
  void requestFormSentAfterTheBrowserLostItsCookiesComesBackInDanishWithTheTextKeptAndNothingStored()
      throws Exception {
    Visitor subject = new Visitor();
    String token = subject.csrfToken(subject.get("/"));
    subject.losesItsCookies();

    HttpResponse<String> again = subject.post("/?lang=da", token,
        rectification("Mette Søndergaard", "mette.sondergaard@example.dk"));

    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/html"));
    assertThat(again.body()).contains("<html lang=\"da\"", "Send en anmodning om dine personoplysninger",
        "Siden havde været åben for længe", "Det, du skrev, står her stadig", RECTIFICATION, "Mette Søndergaard",
        "mette.sondergaard@example.dk", "value=\"RECTIFICATION\" checked=\"checked\"")
        .doesNotContain("Your group may not do this");
    assertThat(requestsFrom("mette.sondergaard@example.dk")).isZero();

    HttpResponse<String> sent = subject.post("/?lang=da", subject.csrfToken(again),
        rectification("Mette Søndergaard", "mette.sondergaard@example.dk"));
    assertThat(sent.statusCode()).isEqualTo(302);
    assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).contains("/submitted/"));
    assertThat(requestsFrom("mette.sondergaard@example.dk")).isEqualTo(1);
  }

  @Test
  void requestFormSentAfterTheBrowserLostItsCookiesComesBackInEnglish() throws Exception {
    Visitor subject = new Visitor();
    String token = subject.csrfToken(subject.get("/?lang=en"));
    subject.losesItsCookies();

    HttpResponse<String> again = subject.post("/?lang=en", token,
        rectification("Mette Sondergaard", "mette@example.com"));

    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body()).contains("<html lang=\"en\"", "Make a request about your personal data",
        "This page had been open too long", "What you wrote is still here", RECTIFICATION)
        .doesNotContain("Siden havde været åben");
    assertThat(requestsFrom("mette@example.com")).isZero();
  }

  @Test
  void confirmationButtonPressedAfterTheBrowserLostItsCookiesConfirmsOnlyWhenPressedAgain() throws Exception {
    String reference = api.submitPublic("""
        {"type": "ACCESS", "name": "Ole Dam", "email": "ole.dam@example.dk", "language": "da"}""");
    driver.runDueJobs();
    String confirm = TestDriver.linkToken(driver.onlyMailTo("ole.dam@example.dk", "Bekræft"), "confirm");
    Visitor subject = new Visitor();
    String token = subject.csrfToken(subject.get("/confirm/" + confirm));
    subject.losesItsCookies();

    HttpResponse<String> again = subject.post("/confirm/" + confirm, token, Map.of());

    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body()).contains("<html lang=\"da\"", "Tryk på knappen igen", "Jeg bekræfter min e-mailadresse");
    assertThat(api.view(reference).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");

    HttpResponse<String> confirmed = subject.post("/confirm/" + confirm, subject.csrfToken(again), Map.of());
    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(confirmed.body()).contains("din e-mailadresse er bekræftet");
    assertThat(api.view(reference).path("status").asText()).isEqualTo("IN_PROGRESS");
  }

  @Test
  void withdrawalSentAfterTheBrowserLostItsCookiesKeepsTheTickedBoxInEnglishAndWithdrawsNothing() throws Exception {
    String reference = api.submitPublic("""
        {"type": "ACCESS", "name": "Lise Berg", "email": "lise.berg@example.dk", "language": "en"}""");
    driver.runDueJobs();
    String status = TestDriver.linkToken(driver.onlyMailTo("lise.berg@example.dk", "We have received"), "status");
    Visitor subject = new Visitor();
    String token = subject.csrfToken(subject.get("/status/" + status));
    subject.losesItsCookies();

    HttpResponse<String> again = subject.post("/status/" + status + "/withdraw", token,
        Map.of("confirmWithdrawal", "yes"));

    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body()).contains("<html lang=\"en\"", "Press the button again", reference,
        "name=\"confirmWithdrawal\" value=\"yes\" checked=\"checked\"");
    assertThat(api.view(reference).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
  }

  @Test
  void identityAnswerSentAfterTheBrowserLostItsCookiesComesBackWithTheAnswerKept() throws Exception {
    String reference = api.register("""
        {"type": "RECTIFICATION", "name": "Karl Friis", "email": "karl.friis@example.dk", "channel": "EMAIL",
         "receivedAt": "%s", "identityVerified": false, "language": "en"}""".formatted(
        TestClock.now()));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_CheckIdentity"), Map.of(
        "identityDecision", "ASK_FOR_INFORMATION", "identityNote", "The customer number on one of your invoices"));
    driver.runDueJobs();
    String reply = replyToken(driver.onlyMailTo("karl.friis@example.dk", "more information"));
    Visitor subject = new Visitor();
    String token = subject.csrfToken(subject.get("/identity-reply/" + reply));
    subject.losesItsCookies();

    String answer = "My customer number is 10442.\nIt is on the invoice of 3 March for the GDPR course.";
    HttpResponse<String> again = subject.post("/identity-reply/" + reply, token, Map.of("reply", answer));

    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(again.body()).contains("<html lang=\"en\"", "What you wrote is still here", answer);
    assertThat(api.view(reference).path("status").asText()).isEqualTo("PAUSED");

    HttpResponse<String> sent = subject.post("/identity-reply/" + reply, subject.csrfToken(again),
        Map.of("reply", answer));
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("Thank you for your answer");
  }

  @Test
  void theReceiptPageNeedsNoSessionItsReferencesShowOnAReloadInEitherLanguageForADay() throws Exception {
    Visitor subject = new Visitor();
    HttpResponse<String> sent = subject.post("/", subject.csrfToken(subject.get("/")),
        rectification("Jens Kvittering", "jens.kvittering@example.dk"));
    String receipt = sent.headers().firstValue("Location").orElseThrow().replace("http://localhost:" + port, "");
    assertThat(receipt).matches("/submitted/[A-Za-z0-9_-]{43}");
    assertThat(sent.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
    String reference = jdbc.sql("SELECT reference FROM dsr_request WHERE subject_email = ?")
        .param("jens.kvittering@example.dk").query(String.class).single();

    // the session has long expired, the browser kept no cookie: the page still names the request
    subject.losesItsCookies();
    driver.setTime(Date.from(TestClock.now().plus(Duration.ofHours(23))));
    HttpResponse<String> reloaded = subject.get(receipt);
    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(reloaded.body()).contains("<html lang=\"da\"", reference);
    HttpResponse<String> english = subject.get(receipt + "?lang=en");
    assertThat(english.body()).contains("<html lang=\"en\"", reference);

    driver.setTime(Date.from(TestClock.now().plus(Duration.ofHours(25))));
    HttpResponse<String> expired = subject.get(receipt);
    assertThat(expired.statusCode()).as("after a day the form, not the reference").isEqualTo(302);
    HttpResponse<String> guessed = subject.get("/submitted/" + "A".repeat(43));
    assertThat(guessed.statusCode()).isEqualTo(302);
  }

  @Test
  void otherRefusalsStayProblemDocumentsAndTheShownAgainPathsAreNotReachableFromOutside() throws Exception {
    mvc.perform(post("/officer/letters/preview").with(httpBasic("officer", "officer")))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    mvc.perform(post("/expired-page/").with(csrf()).param("name", "Mette Søndergaard"))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
  }

  private long requestsFrom(String email) {
    return jdbc.sql("SELECT COUNT(*) FROM dsr_request WHERE subject_email = ?").param(email).query(Long.class).single();
  }

  private static Map<String, String> rectification(String name, String email) {
    return Map.of("type", "RECTIFICATION", "name", name, "email", email, "details", RECTIFICATION);
  }

  private static String replyToken(MimeMessage message) {
    Matcher link = Pattern.compile("/identity-reply/([A-Za-z0-9_-]{43})").matcher(TestDriver.body(message));
    assertThat(link.find()).as("reply link in the letter").isTrue();
    return link.group(1);
  }

  /** A browser without scripts: keeps cookies, sends forms. */
  private class Visitor {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String csrfToken, Map<String, String> fields)
        throws IOException, InterruptedException {
      String form = Stream.concat(fields.entrySet().stream(), Map.of("_csrf", csrfToken)
              .entrySet().stream())
          .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
          .collect(Collectors.joining("&"));
      return http.send(HttpRequest.newBuilder(uri(path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    void losesItsCookies() {
      cookies.getCookieStore().removeAll();
    }

    String csrfToken(HttpResponse<String> page) {
      Matcher field = CSRF_FIELD.matcher(page.body());
      assertThat(field.find()).as("the page's form carries a CSRF token").isTrue();
      return field.group(1);
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
  }
}
