package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.inbox.GdprMailbox;
import dk.mico.rightsdesk.system.EmbeddedMailServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The embedded SMTP server's mailbox: every letter the demo sent, and the GDPR mailbox (gdpr@mico.dk) that Rights Desk
 * reads over IMAP, with what it has taken; for a logged-in officer or admin. Off (404) when a real SMTP server is
 * configured.
 */
@Controller
class DevMailboxController {

  /** One received e-mail. */
  record Mail(String messageId, Instant sentAt, String from, List<String> to, String subject, String body) {}

  /** One e-mail in the GDPR mailbox, and whether Rights Desk has taken it (stored it and flagged it handled). */
  record GdprMail(Instant arrivedAt, boolean handled, Mail mail) {}

  private final ObjectProvider<EmbeddedMailServer> server;

  DevMailboxController(ObjectProvider<EmbeddedMailServer> server) {
    this.server = server;
  }

  @GetMapping(path = "/dev/mailbox", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<Mail> json() {
    return mails();
  }

  @GetMapping(path = "/dev/mailbox", produces = MediaType.TEXT_HTML_VALUE)
  String html(Model model) {
    model.addAttribute("mails", mails());
    model.addAttribute("gdprMails", gdprMails());
    return "dev/mailbox";
  }

  /** The GDPR mailbox (gdpr@mico.dk) as Rights Desk reads it, newest first. */
  @GetMapping(path = "/dev/mailbox/gdpr", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<GdprMail> gdprMails() {
    return server().gdprMailbox().stream()
        .map(entry -> new GdprMail(entry.arrivedAt() == null ? null : entry.arrivedAt().toInstant(),
            GdprMailbox.isHandled(entry.flags()), read(entry.message())))
        .sorted(Comparator.comparing(GdprMail::arrivedAt, Comparator.nullsLast(Comparator.naturalOrder())).reversed())
        .toList();
  }

  private EmbeddedMailServer server() {
    EmbeddedMailServer mailServer = server.getIfAvailable();
    if (mailServer == null) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
          "The mailbox exists only with the embedded SMTP server");
    }
    return mailServer;
  }

  private List<Mail> mails() {
    return server().received().stream()
        .map(DevMailboxController::read)
        .sorted(Comparator.comparing(Mail::sentAt, Comparator.nullsLast(Comparator.naturalOrder())).reversed())
        .toList();
  }

  /**
   * One mail as far as it can be read: the page must show whatever the server received, so a header the mail
   * library cannot parse (an address outside ASCII, say) is shown as it arrived instead of failing the page.
   */
  private static Mail read(MimeMessage message) {
    return new Mail(
        readOr(message::getMessageID, () -> null),
        readOr(() -> message.getSentDate() == null ? null : message.getSentDate().toInstant(), () -> null),
        readOr(() -> message.getFrom() == null ? null : message.getFrom()[0].toString(),
            () -> rawHeader(message, "From")),
        readOr(() -> message.getAllRecipients() == null ? List.of()
                : Arrays.stream(message.getAllRecipients()).map(Address::toString).toList(),
            () -> Stream.of("To", "Cc").map(header -> rawHeader(message, header)).filter(Objects::nonNull).toList()),
        readOr(message::getSubject, () -> rawHeader(message, "Subject")),
        readOr(() -> message.getContent() instanceof String text ? text : "(not plain text)",
            () -> "(could not be read)"));
  }

  private static String rawHeader(MimeMessage message, String name) {
    return readOr(() -> message.getHeader(name, ", "), () -> null);
  }

  /** A part of a mail, read by the mail library, which may find it malformed. */
  private interface MailPart<T> {
    T read() throws MessagingException, IOException;
  }

  private static <T> T readOr(MailPart<T> part, Supplier<T> fallback) {
    try {
      return part.read();
    } catch (MessagingException | IOException | RuntimeException e) {
      return fallback.get();
    }
  }
}
