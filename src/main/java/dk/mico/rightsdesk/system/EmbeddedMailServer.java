package dk.mico.rightsdesk.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server of the embedded default: a real server (GreenMail) on loopback that keeps what it receives, so
 * that a newcomer can read every letter at /dev/mailbox. Started only when no SMTP host is configured.
 */
public class EmbeddedMailServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  private final int configuredPort;
  private GreenMail greenMail;
  private int port;

  public EmbeddedMailServer(int configuredPort) {
    this.configuredPort = configuredPort;
  }

  public synchronized void start() {
    // After a stop, come back on the same port, so the mail sender keeps reaching it.
    int bindPort = port != 0 ? port : configuredPort;
    greenMail = new GreenMail(new ServerSetup(bindPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    port = greenMail.getSmtp().getPort();
    log.info("Embedded SMTP server listening on 127.0.0.1:{}; letters are shown at /dev/mailbox", port);
  }

  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  public synchronized boolean isRunning() {
    return greenMail != null;
  }

  public int port() {
    return port;
  }

  /** Everything received since start, oldest first. */
  public synchronized List<MimeMessage> received() {
    return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
  }

  /** Forgets what was received (tests use it between cases). */
  public synchronized void purge() {
    if (greenMail != null) {
      try {
        greenMail.purgeEmailFromAllMailboxes();
      } catch (com.icegreen.greenmail.store.FolderException e) {
        throw new IllegalStateException("Could not empty the embedded mailbox", e);
      }
    }
  }
}
