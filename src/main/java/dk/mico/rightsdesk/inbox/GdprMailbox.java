package dk.mico.rightsdesk.inbox;

import dk.mico.rightsdesk.system.EmbeddedMailServer;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.HeaderTerm;
import java.util.Arrays;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The GDPR mailbox over IMAP (Jakarta Mail). Messages Rights Desk has stored are flagged "handled" there with a
 * keyword of their own, so that people may read and mark mail as seen in their mail client without hiding it from
 * Rights Desk; a server that allows no keywords of its own gets the \Seen flag instead. The messages not yet
 * handled are fetched a page at a time, never the whole mailbox at once.
 */
@Component
public class GdprMailbox {

  static final String HANDLED_KEYWORD = "RightsDeskHandled";

  private final InboxProperties properties;
  private final ObjectProvider<EmbeddedMailServer> embedded;

  GdprMailbox(InboxProperties properties, ObjectProvider<EmbeddedMailServer> embedded) {
    this.properties = properties;
    this.embedded = embedded;
  }

  /** Whether a message carries the flag Rights Desk sets once it has stored it (the demo's mailbox page shows it). */
  public static boolean isHandled(Flags flags) {
    return flags.contains(HANDLED_KEYWORD);
  }

  public boolean enabled() {
    return properties.enabled();
  }

  /** One message of a page, with where it sits in the mailbox. */
  public record MailboxMessage(Message message, long uid, long uidValidity) {}

  /** Takes the messages of one page; what it throws for one message is its own business. */
  @FunctionalInterface
  public interface PageReader {
    void read(MailboxMessage message) throws MessagingException;
  }

  /** Reads every message not yet flagged handled, oldest first, one page of headers at a time. */
  public void readUnhandled(PageReader reader) throws MessagingException {
    inFolder(folder -> {
      UIDFolder uids = (UIDFolder) folder;
      // a search answers message numbers only; headers and bodies come page by page below
      Message[] unhandled = folder.search(new FlagTerm(handledFlag(folder), false));
      FetchProfile profile = new FetchProfile();
      profile.add(FetchProfile.Item.ENVELOPE);
      profile.add(UIDFolder.FetchProfileItem.UID);
      profile.add("Message-ID");
      for (int from = 0; from < unhandled.length; from += properties.pageSize()) {
        Message[] page = Arrays.copyOfRange(unhandled, from, Math.min(unhandled.length, from + properties.pageSize()));
        folder.fetch(page, profile);
        for (Message message : page) {
          reader.read(new MailboxMessage(message, uids.getUID(message), uids.getUIDValidity()));
        }
      }
    });
  }

  /** Flags one message handled now, while the folder of the page is open (mail Rights Desk itself sent). */
  public void flagHandled(Message message) throws MessagingException {
    message.setFlags(handledFlag(message.getFolder()), true);
  }

  /**
   * Flags a stored message handled: by its UID while the folder keeps its UID validity, else by its Message-ID. A
   * message someone deleted or moved meanwhile needs no flag.
   */
  void flagHandled(String messageKey, long uid, long uidValidity) throws MessagingException {
    inFolder(folder -> {
      UIDFolder uids = (UIDFolder) folder;
      Message[] found = uids.getUIDValidity() == uidValidity
          ? new Message[] {uids.getMessageByUID(uid)}
          : folder.search(new HeaderTerm("Message-ID", messageKey));
      for (Message message : found) {
        if (message != null) {
          message.setFlags(handledFlag(folder), true);
        }
      }
    });
  }

  @FunctionalInterface
  private interface FolderWork {
    void in(Folder folder) throws MessagingException;
  }

  /** Opens the requests' folder for reading and flagging, and closes it and the connection whatever happens. */
  private void inFolder(FolderWork work) throws MessagingException {
    try (Store store = connect()) {
      Folder folder = store.getFolder(properties.folder());
      folder.open(Folder.READ_WRITE);
      try {
        work.in(folder);
      } finally {
        folder.close(false);
      }
    }
  }

  private static Flags handledFlag(Folder folder) {
    return folder.getPermanentFlags() != null && folder.getPermanentFlags().contains(Flags.Flag.USER)
        ? new Flags(HANDLED_KEYWORD)
        : new Flags(Flags.Flag.SEEN);
  }

  private Store connect() throws MessagingException {
    String protocol = properties.ssl() ? "imaps" : "imap";
    Properties settings = new Properties();
    settings.put("mail." + protocol + ".connectiontimeout", "10000");
    settings.put("mail." + protocol + ".timeout", "30000");
    // reading a body must not mark it \Seen: only the flag job, after the commit, marks anything
    settings.put("mail." + protocol + ".peek", "true");
    if (properties.ssl()) {
      settings.put("mail.imaps.ssl.checkserveridentity", "true");
    }
    Store store = Session.getInstance(settings).getStore(protocol);
    store.connect(properties.host(), port(), properties.user(), properties.password());
    return store;
  }

  /** Port 0: the embedded mail server's IMAP port (the demo and test profiles; the test one is a free port). */
  private int port() {
    if (properties.port() != 0) {
      return properties.port();
    }
    EmbeddedMailServer server = embedded.getIfAvailable();
    if (server == null) {
      throw new IllegalStateException("rightsdesk.inbox.port is 0 but there is no embedded mail server");
    }
    return server.imapPort();
  }
}
