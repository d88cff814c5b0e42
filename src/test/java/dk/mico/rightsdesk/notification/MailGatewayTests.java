package dk.mico.rightsdesk.notification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The start is refused when one send could outlast half of the outbox's hold on a mail. */
class MailGatewayTests {

  @Test
  void theShippedTimeoutsFitHalfTheShippedHold() {
    assertThatCode(() -> MailGateway.requireSendWithinHalfTheHold(timeouts("smtp", "5000", "10000", "10000"), "smtp",
        Duration.ofMinutes(1))).doesNotThrowAnyException();
  }

  @Test
  void aMissingTimeoutOfTheProtocolInUseRefusesTheStartNamingIt() {
    // smtps reads mail.smtps.*: timeouts set for smtp do not bound it
    assertThatThrownBy(() -> MailGateway.requireSendWithinHalfTheHold(timeouts("smtp", "5000", "10000", "10000"),
        "smtps", Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mail.smtps.connectiontimeout, mail.smtps.timeout, mail.smtps.writetimeout");
  }

  @Test
  void timeoutsLongerThanHalfTheHoldRefuseTheStart() {
    assertThatThrownBy(() -> MailGateway.requireSendWithinHalfTheHold(timeouts("smtp", "10000", "20000", "20000"),
        "smtp", Duration.ofMinutes(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rightsdesk.outbox.claim-for (PT1M)")
        .hasMessageContaining("50000 ms");
  }

  private static Properties timeouts(String protocol, String connect, String read, String write) {
    Properties session = new Properties();
    session.setProperty("mail." + protocol + ".connectiontimeout", connect);
    session.setProperty("mail." + protocol + ".timeout", read);
    session.setProperty("mail." + protocol + ".writetimeout", write);
    return session;
  }
}
