package dk.mico.rightsdesk.system.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dk.mico.rightsdesk.support.OfficerApi;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import dk.mico.rightsdesk.support.TestClock;
import dk.mico.rightsdesk.support.TestDriver;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The app's own pages put secret tokens in their URLs and show personal data: every kind of page sends no referrer
 * and a Content-Security-Policy that runs only the app's own files.
 */
@RightsDeskSpringTest
class PageHeadersTests {

  private static final String UNKNOWN_TOKEN = "A".repeat(43);
  private static final Pattern REPORT_PREVIEW = Pattern.compile("srcdoc=\"([^\"]*)\"");
  private static final Pattern STYLE_ELEMENT = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

  @Autowired MockMvc mvc;
  @Autowired TestDriver driver;
  @Autowired OfficerApi api;

  @BeforeEach
  void reset() {
    driver.reset();
  }

  @Test
  void pagesWithASecretTokenInTheirUrlSendNoReferrerAndAStrictPolicy() throws Exception {
    String email = "aksel.vinther@example.dk";
    api.submitPublic("{\"type\": \"ERASURE\", \"name\": \"Aksel Vinther\", \"email\": \"" + email + "\"}");
    driver.runDueJobs();
    String confirm = TestDriver.linkToken(driver.onlyMailTo(email, "Bekræft"), "confirm");
    String status = TestDriver.linkToken(driver.onlyMailTo(email, "Vi har modtaget"), "status");

    assertStrictPage(get("/confirm/" + confirm), 200);
    assertStrictPage(get("/status/" + status), 200);
    // a guessed link gets a page too, and its URL is as secret as a real one
    assertStrictPage(get("/identity-reply/" + UNKNOWN_TOKEN), 404);
    assertStrictPage(get("/download/" + UNKNOWN_TOKEN), 404);
  }

  @Test
  void theRequestFormAndTheOfficersPagesSendTheSamePolicy() throws Exception {
    String access = accessRequestReadyForReview("Ingrid Bech", "ingrid.bech@example.dk");
    String erasure = api.register("""
        {"type": "ERASURE", "name": "Karen Østergaard", "email": "karen.oestergaard@example.dk", "language": "en",
         "channel": "EMAIL", "receivedAt": "%s", "identityVerified": true,
         "identityNote": "Wrote from the address we hold"}""".formatted(TestClock.now().minusSeconds(60)));
    driver.runDueJobs();

    assertStrictPage(get("/"), 200);
    assertStrictPage(get("/?lang=en"), 200);
    assertStrictPage(get("/dev/mailbox").accept(MediaType.TEXT_HTML).with(httpBasic("officer", "officer")), 200);
    assertStrictPage(get("/officer/access/" + access).with(httpBasic("officer", "officer")), 200);
    assertStrictPage(get("/officer/review/" + erasure).with(httpBasic("officer", "officer")), 200);
    assertStrictPage(get("/api/officer/requests/" + erasure + "/case-file").with(httpBasic("officer", "officer")),
        200);
  }

  @Test
  void theApiDocumentationMayStyleItselfButRunsOnlyItsOwnScripts() throws Exception {
    MockHttpServletResponse page = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse();

    assertThat(page.getStatus()).isEqualTo(200);
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.getHeader("Content-Security-Policy"))
        .contains("script-src 'self';", "style-src 'self' 'unsafe-inline'", "object-src 'none'", "base-uri 'none'",
            "frame-ancestors 'none'")
        .doesNotContain("unsafe-eval");
  }

  @Test
  void theReportPreviewOnTheOfficersPageCarriesOnlyTheStylesheetThePolicyAllows() throws Exception {
    String reference = accessRequestReadyForReview("Jonas Friis", "jonas.friis@example.dk");

    MockHttpServletResponse page = mvc.perform(get("/officer/access/" + reference)
        .with(httpBasic("officer", "officer"))).andReturn().getResponse();

    Matcher preview = REPORT_PREVIEW.matcher(page.getContentAsString(StandardCharsets.UTF_8));
    assertThat(preview.find()).as("the report's preview").isTrue();
    Matcher style = STYLE_ELEMENT.matcher(HtmlUtils.htmlUnescape(preview.group(1)));
    assertThat(style.find()).as("the report's own stylesheet, so that it also reads well downloaded").isTrue();
    assertThat(page.getHeader("Content-Security-Policy")).contains(sha256Source(style.group(1)));
    assertThat(style.find()).as("a single style element").isFalse();
  }

  private void assertStrictPage(RequestBuilder request, int expectedStatus) throws Exception {
    MockHttpServletResponse page = mvc.perform(request).andReturn().getResponse();
    assertThat(page.getStatus()).isEqualTo(expectedStatus);
    assertThat(page.getContentType()).startsWith(MediaType.TEXT_HTML_VALUE);
    assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.getHeader("Content-Security-Policy"))
        .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
            "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
  }

  /** An access request by letter whose report waits for the officer; the e-mail archive held nothing. */
  private String accessRequestReadyForReview(String name, String email) throws Exception {
    String reference = api.register("""
        {"type": "ACCESS", "name": "%s", "email": "%s", "language": "da", "channel": "LETTER", "receivedAt": "%s",
         "identityVerified": true, "identityNote": "Signed letter"}""".formatted(name, email,
        TestClock.now().minusSeconds(7200)));
    driver.runDueJobs();
    driver.submitAsOfficer(driver.onlyTask(reference, "UserTask_SearchManualSystem"),
        Map.of("foundInSystem", "NOTHING"));
    driver.runDueJobs();
    return reference;
  }

  private static String sha256Source(String css) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(css.getBytes(StandardCharsets.UTF_8));
    return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
  }
}
