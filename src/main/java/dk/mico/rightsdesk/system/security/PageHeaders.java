package dk.mico.rightsdesk.system.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.spring.boot.starter.property.HeaderSecurityProperties;
import org.camunda.bpm.webapp.impl.security.filter.headersec.provider.impl.StrictTransportSecurityProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The security headers of the application's own pages and API. Subjects' pages carry secret tokens in their URLs
 * (/confirm/…, /status/…, /download/…): no page tells another site where it came from, and pages run only the
 * app's own files, with no inline script or style, no plug-ins, no framing, and forms that post only here. The
 * Camunda webapps send headers of their own (camunda.bpm.webapp.header-security); HSTS follows theirs, so one
 * setting turns it on for the whole application.
 */
final class PageHeaders {

  private PageHeaders() {}

  static void configure(HeadersConfigurer<HttpSecurity> headers, List<InlineStylesheet> documentStyles,
      HeaderSecurityProperties webapps) {
    headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(documentStyles)))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        // Spring's own HSTS goes only over requests the app sees as HTTPS, which it does not behind a TLS proxy
        .httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
    strictTransportSecurity(webapps).ifPresent(headers::addHeaderWriter);
  }

  static String contentSecurityPolicy(List<InlineStylesheet> documentStyles) {
    String styleSources = Stream.concat(Stream.of("'self'"), documentStyles.stream().map(InlineStylesheet::hashSource))
        .collect(Collectors.joining(" "));
    return String.join("; ",
        "default-src 'self'",
        "script-src 'self'",
        "style-src " + styleSources,
        // Swagger UI's stylesheet draws its icons as data: images
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");
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
