package dk.mico.rightsdesk.system.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.spring.boot.starter.property.HeaderSecurityProperties;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.StrictTransportSecurityProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security headers of the application's own pages and API. Subjects' pages carry secret tokens in their URLs
 * (/confirm/…, /status/…, /download/…): no page tells another site where it came from, and pages run only the
 * app's own files, with no inline script or style, no plug-ins, no framing, and forms that post only here (Swagger UI
 * may add styles of its own). The Camunda webapps send headers of their own (camunda.bpm.webapp.header-security);
 * HSTS follows theirs, so one setting turns it on for the whole application.
 */
final class PageHeaders {

  /** Swagger UI, the JSON API's documentation: a third-party page without tokens or personal data. */
  private static final RequestMatcher API_DOCUMENTATION =
      PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

  private static final String NO_PLUGINS_BASE_FRAMING_OR_FOREIGN_FORMS =
      "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  /** Swagger UI injects styles of its own and draws its icons as data: images; its scripts stay the app's files. */
  private static final String API_DOCUMENTATION_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; " + NO_PLUGINS_BASE_FRAMING_OR_FOREIGN_FORMS;

  private PageHeaders() {}

  static void configure(HeadersConfigurer<HttpSecurity> headers, List<InlineStylesheet> documentStyles,
      HeaderSecurityProperties webapps) {
    headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(API_DOCUMENTATION),
            new ContentSecurityPolicyHeaderWriter(pagePolicy(documentStyles))))
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(API_DOCUMENTATION,
            new ContentSecurityPolicyHeaderWriter(API_DOCUMENTATION_POLICY)))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        // Spring's own HSTS goes only over requests the app sees as HTTPS, which it does not behind a TLS proxy
        .httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
    strictTransportSecurity(webapps).ifPresent(headers::addHeaderWriter);
  }

  /** The pages' policy: the app's own files, and the stylesheets that travel inside documents, by their hash. */
  private static String pagePolicy(List<InlineStylesheet> documentStyles) {
    String documentStyleHashes = documentStyles.stream().map(style -> " " + style.hashSource())
        .collect(Collectors.joining());
    return "default-src 'self'; script-src 'self'; style-src 'self'" + documentStyleHashes + "; "
        + NO_PLUGINS_BASE_FRAMING_OR_FOREIGN_FORMS;
  }

  /** The HSTS header the webapps send, worked out by Camunda's own provider; none while theirs is off. */
  static Optional<HeaderWriter> strictTransportSecurity(HeaderSecurityProperties webapps) {
    StrictTransportSecurityProvider provider = new StrictTransportSecurityProvider();
    Map<String, String> settings = webapps.getInitParams();
    provider.initParams().replaceAll((name, unset) -> settings.get(name));
    provider.parseParams();
    return provider.isDisabled() ? Optional.empty()
        : Optional.of(new StaticHeadersWriter(provider.getHeaderName(), provider.getHeaderValue(null)));
  }
}
