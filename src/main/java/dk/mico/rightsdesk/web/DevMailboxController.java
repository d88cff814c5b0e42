package dk.mico.rightsdesk.web;

import dk.mico.rightsdesk.system.EmbeddedMailServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * The embedded SMTP server's mailbox: every letter the demo sent, for a logged-in officer or admin. Off (404) when a
 * real SMTP server is configured.
 */
@Controller
class DevMailboxController {

  /** One received e-mail. */
  record Mail(String messageId, Instant sentAt, String from, List<String> to, String subject, String body) {}

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
    return "dev/mailbox";
  }

  private List<Mail> mails() {
    EmbeddedMailServer mailServer = server.getIfAvailable();
    if (mailServer == null) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
          "The mailbox exists only with the embedded SMTP server");
    }
    return mailServer.received().stream()
        .map(DevMailboxController::read)
        .sorted(Comparator.comparing(Mail::sentAt, Comparator.nullsLast(Comparator.naturalOrder())).reversed())
        .toList();
  }

  private static Mail read(MimeMessage message) {
    try {
      Object content = message.getContent();
      return new Mail(
          message.getMessageID(),
          message.getSentDate() == null ? null : message.getSentDate().toInstant(),
          message.getFrom() == null ? null : message.getFrom()[0].toString(),
          message.getAllRecipients() == null ? List.of()
              : Arrays.stream(message.getAllRecipients()).map(Address::toString).toList(),
          message.getSubject(),
          content instanceof String text ? text : "(not plain text)");
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException("Could not read a received message", e);
    }
  }
}
