package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.mico.rightsdesk.support.AppProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class EmbeddedMailServerTests {

  /**
   * A demo already running on this machine holds the IMAP port: the start fails, and the SMTP server it had started is
   * stopped again, or its threads would keep the failed application's JVM alive (seen in CrashRecoveryIT).
   */
  @Test
  void aStartThatFailsOnATakenPortLeavesNoServerRunning() throws IOException {
    int smtpPort = AppProcess.freePort();
    try (ServerSocket takenImapPort = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      EmbeddedMailServer server =
          new EmbeddedMailServer(smtpPort, takenImapPort.getLocalPort(), "gdpr@mico.dk", "gdpr");

      assertThatThrownBy(server::start).isInstanceOf(RuntimeException.class);

      assertThat(server.isRunning()).isFalse();
      try (ServerSocket smtpPortAgain = new ServerSocket(smtpPort, 1, InetAddress.getLoopbackAddress())) {
        assertThat(smtpPortAgain.isBound()).as("the SMTP port is free again").isTrue();
      }
    }
  }
}
