package dk.mico.rightsdesk.system;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMTP server of the embedded default: a real server (GreenMail) on loopback that keeps what it receives, so
 * that a newcomer can read every letter at /dev/mailbox. It serves IMAP too, with the GDPR mailbox as a user of its
 * own, so that mail sent to that address through the SMTP port is read by Rights Desk like a real mailbox. Started
 * only when no SMTP host is configured.
 */
public class EmbeddedMailServer {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

  private final int configuredPort;
  private final int configuredImapPort;
  private final String mailboxUser;
  private final String mailboxPassword;
  private GreenMail greenMail;
  private int port;
  private int imapPort;

  /**
   * @param mailboxUser the GDPR mailbox's address, also its IMAP login; none (blank) serves no IMAP
   */
  public EmbeddedMailServer(int configuredPort, int configuredImapPort, String mailboxUser, String mailboxPassword) {
    this.configuredPort = configuredPort;
    this.configuredImapPort = configuredImapPort;
    this.mailboxUser = mailboxUser;
    this.mailboxPassword = mailboxPassword;
  }

  public synchronized void start() {
    // After a stop, come back on the same ports, so the mail sender and the inbox keep reaching it.
    ServerSetup smtp = new ServerSetup(port != 0 ? port : configuredPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    boolean serveImap = mailboxUser != null && !mailboxUser.isBlank();
    greenMail = serveImap
        ? new GreenMail(new ServerSetup[] {smtp,
            new ServerSetup(imapPort != 0 ? imapPort : configuredImapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
        : new GreenMail(smtp);
    try {
      greenMail.start();
    } catch (RuntimeException e) {
      // a port already taken: stop the servers that did start, whose threads would keep a failed app's JVM alive
      greenMail.stop();
      greenMail = null;
      throw e;
    }
    port = greenMail.getSmtp().getPort();
    if (serveImap) {
      greenMail.setUser(mailboxUser, mailboxUser, mailboxPassword);
      imapPort = greenMail.getImap().getPort();
      log.info("Embedded SMTP server listening on 127.0.0.1:{}, IMAP on 127.0.0.1:{} with the GDPR mailbox; letters"
          + " are shown at /dev/mailbox", port, imapPort);
    } else {
      log.info("Embedded SMTP server listening on 127.0.0.1:{}; letters are shown at /dev/mailbox", port);
    }
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

  /** The IMAP port of the GDPR mailbox (0 when none is served). */
  public int imapPort() {
    return imapPort;
  }

  /** Everything received since start, oldest first. */
  public synchronized List<MimeMessage> received() {
    return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
  }

  /** One message of the GDPR mailbox: the mail, when it arrived there, and its IMAP flags. */
  public record MailboxMessage(MimeMessage message, java.util.Date arrivedAt, jakarta.mail.Flags flags) {}

  /** What the GDPR mailbox holds now, as Rights Desk reads it over IMAP, oldest first; empty when none is served. */
  public synchronized List<MailboxMessage> gdprMailbox() {
    if (greenMail == null || mailboxUser == null || mailboxUser.isBlank()) {
      return List.of();
    }
    try {
      com.icegreen.greenmail.user.GreenMailUser user = greenMail.getUserManager().getUser(mailboxUser);
      return greenMail.getManagers().getImapHostManager().getInbox(user).getNonDeletedMessages().stream()
          .map(stored -> new MailboxMessage(stored.getMimeMessage(), stored.getReceivedDate(), stored.getFlags()))
          .toList();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException("Could not read the embedded GDPR mailbox", e);
    }
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
