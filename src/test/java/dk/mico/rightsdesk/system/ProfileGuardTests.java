package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.system.security.ProductionGuardProbe;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Production refuses what only a demo may have; a real SMTP host turns the embedded server and mailbox off. */
class ProfileGuardTests {

  private final ApplicationContextRunner embeddedMail =
      new ApplicationContextRunner().withUserConfiguration(EmbeddedMailConfig.class)
          .withPropertyValues("rightsdesk.mail.embedded-port=0");

  @Test
  void noSmtpHostStartsTheEmbeddedServer() {
    embeddedMail.run(context -> assertThat(context).hasSingleBean(EmbeddedMailServer.class));
  }

  @Test
  void aRealSmtpHostTurnsTheEmbeddedServerOff() {
    embeddedMail.withPropertyValues("spring.mail.host=smtp.example.dk")
        .run(context -> assertThat(context).doesNotHaveBean(EmbeddedMailServer.class));
  }

  @Test
  void productionRefusesToStartWithoutSmtpHost() {
    assertThat(ProductionGuardProbe.refusal("", "officer", "A-long-real-passphrase"))
        .contains("spring.mail.host");
  }

  @Test
  void productionRefusesToStartWithoutPublicUrl() {
    // without one, links would point at the server's own port, not at the address behind the proxy
    assertThat(ProductionGuardProbe.refusal("smtp.example.dk", " ", "officer", "A-long-real-passphrase"))
        .contains("rightsdesk.controller.public-url");
  }

  @Test
  void productionRefusesDemoAndEmptyPasswords() {
    assertThat(ProductionGuardProbe.refusal("smtp.example.dk", "officer", "officer")).contains("officer");
    assertThat(ProductionGuardProbe.refusal("smtp.example.dk", "manager", "admin")).contains("manager");
    assertThat(ProductionGuardProbe.refusal("smtp.example.dk", "admin", "")).contains("admin");
    assertThat(ProductionGuardProbe.refusal("smtp.example.dk", "officer", "A-long-real-passphrase")).isNull();
  }
}
