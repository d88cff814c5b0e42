package dk.mico.rightsdesk.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every page template passes the pages' Content-Security-Policy as written: no inline script, style or event
 * handler, which the policy would block in the browser. This reaches the pages the browser tests do not open.
 */
class PageTemplatesTests {

  private static final Map<String, Pattern> BLOCKED = Map.of(
      "an inline script", Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>", Pattern.CASE_INSENSITIVE),
      "a style element", Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE),
      "a style attribute", Pattern.compile("\\s(th:)?style\\s*=", Pattern.CASE_INSENSITIVE),
      "an event handler", Pattern.compile("\\b(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE),
      "a javascript: URL", Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE));

  /** The access report carries its stylesheet inside (it is also read downloaded); the policy allows it by hash. */
  private static final String SELF_CONTAINED_REPORT = "access/report.html";

  @Test
  void noPageTemplateHoldsInlineScriptOrStyle() throws Exception {
    Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/**/*.html");
    assertThat(templates).hasSizeGreaterThan(10);
    List<String> found = new ArrayList<>();
    for (Resource template : templates) {
      String path = template.getURL().getPath();
      String html = template.getContentAsString(StandardCharsets.UTF_8);
      BLOCKED.forEach((what, pattern) -> {
        boolean allowed = what.equals("a style element") && path.endsWith(SELF_CONTAINED_REPORT);
        if (!allowed && pattern.matcher(html).find()) {
          found.add(path.substring(path.indexOf("templates/")) + " holds " + what);
        }
      });
    }
    assertThat(found).isEmpty();
  }
}
