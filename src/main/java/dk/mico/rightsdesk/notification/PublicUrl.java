package dk.mico.rightsdesk.notification;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the links in letters and notices point: the configured public URL (production, behind its proxy), or without
 * one (the demo) this server itself, on the port it really listens on, which is known only once it has started.
 */
@Component
public class PublicUrl {

  private final String configured;
  private final Environment environment;

  PublicUrl(ControllerProperties controller, Environment environment) {
    this.configured = controller.publicUrl() == null ? "" : controller.publicUrl().strip();
    this.environment = environment;
  }

  /** The base of every link, without a trailing slash. */
  public String base() {
    if (!configured.isEmpty()) {
      return configured;
    }
    // Spring Boot publishes the port the server got (also a random one) as local.server.port once it has started
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }
}
