package dk.mico.rightsdesk.system.security;

import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * MockMvc's {@code csrf()} swaps the CSRF filter's token store for its own, which keeps every token in the session,
 * for all later requests to the shared application context, real HTTP ones included. A test of the real pages puts
 * the application's own {@link FormTokens} back (the test profile's cookies are not Secure).
 */
public final class RealFormTokens {

  private RealFormTokens() {}

  public static void restore(FilterChainProxy security) {
    security.getFilterChains().stream()
        .flatMap(chain -> chain.getFilters().stream())
        .filter(CsrfFilter.class::isInstance)
        .forEach(csrf -> ReflectionTestUtils.setField(csrf, "tokenRepository", new FormTokens(false)));
  }
}
