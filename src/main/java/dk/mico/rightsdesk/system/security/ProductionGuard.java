package dk.mico.rightsdesk.system.security;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Production refuses to start with what only a demo may have: no SMTP server, no public URL (links would point at
 * the server's own port, not the address subjects reach), or a demo password.
 */
@Component
@Profile("prod")
class ProductionGuard {

  private static final List<String> DEMO_PASSWORDS = List.of("officer", "manager", "admin", "demo", "password");

  ProductionGuard(@Value("${spring.mail.host:}") String mailHost,
      @Value("${rightsdesk.controller.public-url:}") String publicUrl, AccessProperties access) {
    if (mailHost.isBlank()) {
      throw new IllegalStateException(
          "Profile prod needs a real SMTP server: set spring.mail.host (and port, username, password)");
    }
    if (publicUrl.isBlank()) {
      throw new IllegalStateException(
          "Profile prod needs the address subjects reach it at: set rightsdesk.controller.public-url");
    }
    for (AccessProperties.User user : access.users()) {
      String password = user.password();
      if (password == null || password.isBlank() || DEMO_PASSWORDS.contains(password.toLowerCase())
          || password.equalsIgnoreCase(user.id())) {
        throw new IllegalStateException("Profile prod refuses a demo or empty password for user " + user.id());
      }
    }
  }
}
