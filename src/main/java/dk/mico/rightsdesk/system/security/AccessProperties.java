package dk.mico.rightsdesk.system.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Camunda users created at start, one per line: id, password, name, e-mail and the group of design.md. The demo
 * profile sets demo passwords; production takes them from the environment.
 */
@ConfigurationProperties("rightsdesk.access")
public record AccessProperties(List<User> users) {

  public AccessProperties {
    users = users == null ? List.of() : List.copyOf(users);
  }

  /** One user to create when missing. */
  public record User(String id, String password, String firstName, String lastName, String email, String group) {}
}
