package dk.mico.rightsdesk.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The GDPR mailbox (gdpr@mico.dk) that Rights Desk reads over IMAP. Off when no host is set.
 *
 * @param host the IMAP server; blank turns the mailbox off
 * @param port its port; 0 means the embedded mail server's IMAP port (demo and test profiles)
 * @param ssl IMAPS (TLS from the first byte, port 993) instead of plain IMAP; production uses it
 * @param user the login of the mailbox
 * @param password its password
 * @param folder the folder the requests arrive in
 * @param pollInterval how often the mailbox is read; zero reads it only when called (tests)
 * @param pageSize how many messages are fetched from the server at a time
 */
@ConfigurationProperties("rightsdesk.inbox")
public record InboxProperties(String host, int port, boolean ssl, String user, String password, String folder,
    Duration pollInterval, int pageSize) {

  public InboxProperties {
    folder = folder == null || folder.isBlank() ? "INBOX" : folder;
    pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
    pageSize = pageSize <= 0 ? 50 : pageSize;
  }

  public boolean enabled() {
    return host != null && !host.isBlank();
  }
}
