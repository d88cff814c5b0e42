package dk.mico.rightsdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Links point at the configured public URL, and without one at the port the server really listens on. */
class PublicUrlTests {

  private final MockEnvironment startedOnPort4711 = new MockEnvironment()
      .withProperty("server.port", "0")
      .withProperty("local.server.port", "4711");

  @Test
  void aConfiguredPublicUrlWinsOverTheServersOwnPort() {
    assertThat(new PublicUrl(controller(" https://rettigheder.mico.dk "), startedOnPort4711).base())
        .isEqualTo("https://rettigheder.mico.dk");
  }

  @Test
  void withoutOneTheLinksPointAtThePortTheServerGot() {
    assertThat(new PublicUrl(controller(null), startedOnPort4711).base()).isEqualTo("http://localhost:4711");
    assertThat(new PublicUrl(controller(""), startedOnPort4711).base()).isEqualTo("http://localhost:4711");
  }

  private static ControllerProperties controller(String publicUrl) {
    return new ControllerProperties("MICO ApS", "Bådehavnsgade 42K", "support@mico.dk", "+45 36 18 09 00",
        "gdpr@mico.dk", "gdpr@mico.dk", "Datatilsynet", "Carl Jacobsens Vej 35", "www.datatilsynet.dk", publicUrl);
  }
}
