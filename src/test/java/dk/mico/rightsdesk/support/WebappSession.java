package dk.mico.rightsdesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session against the real Camunda webapps over HTTP: the CSRF cookie and header dance, the login of
 * an app, and calls to the webapps' own engine API (what Tasklist and Cockpit call).
 */
public class WebappSession {

  private final String base;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;

  public WebappSession(int port) {
    this.base = "http://localhost:" + port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
  }

  /** Logs into one of the webapps (tasklist, cockpit, admin); answers the HTTP status of the login. */
  public int login(String app, String user, String password) throws IOException, InterruptedException {
    return tryLogin(app, user, password).statusCode();
  }

  /** The login form's post as the webapp's login page sends it; answers the whole answer (status, headers, body). */
  public HttpResponse<String> tryLogin(String app, String user, String password)
      throws IOException, InterruptedException {
    get("/camunda/app/" + app + "/");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    HttpResponse<String> answer = send(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    if (answer.statusCode() == 200) {
      // the login starts a new session without a CSRF token; the app's next page load fetches one, so POSTs work
      get("/camunda/app/" + app + "/");
    }
    return answer;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
  }

  public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    String token = xsrfToken();
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String xsrfToken() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .reduce((first, second) -> second)
        .orElse(null);
  }
}
