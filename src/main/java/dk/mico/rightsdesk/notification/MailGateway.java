package dk.mico.rightsdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Hands letters to the SMTP server, several over one connection. SMTP cannot be exactly-once: the Message-ID is
 * derived from the letter's unique key, so the rare resend after a crash between sending and committing is
 * recognisable as the same letter.
 *
 * <p>The connection is made as Spring's own mail sender makes it, from the same settings ({@code spring.mail.*}: host,
 * port, protocol, user and password, and the session's properties for TLS and the timeouts); that sender would open
 * a connection per call, or, given several messages, go on past a failed one.
 */
@Component
class MailGateway {

  private final JavaMailSenderImpl sender;
  private final ControllerProperties controller;
  private final Clock clock;

  MailGateway(JavaMailSenderImpl sender, ControllerProperties controller, Clock clock, OutboxProperties outbox) {
    this.sender = sender;
    this.controller = controller;
    this.clock = clock;
    requireSendWithinHalfTheHold(sender.getJavaMailProperties(), protocol(), outbox.claimFor());
  }

  /**
   * A batch starts no send once half of its hold on its mails has passed, so one send must end within the other
   * half: otherwise a live but slow node's hold could run out and another node send the same mail again. Without a
   * timeout the mail client waits for ever, so a missing one refuses the start as well (docs/operations.md).
   */
  static void requireSendWithinHalfTheHold(Properties session, String protocol, Duration claimFor) {
    List<String> missing = new ArrayList<>();
    long longestSendMillis = 0;
    for (String timeout : List.of("connectiontimeout", "timeout", "writetimeout")) {
      String name = "mail." + protocol + "." + timeout;
      String value = session.getProperty(name);
      if (value == null || value.isBlank() || Long.parseLong(value.trim()) <= 0) {
        missing.add(name);
      } else {
        longestSendMillis += Long.parseLong(value.trim());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("spring.mail.properties lacks " + String.join(", ", missing)
          + " (milliseconds): without them a mail server that stops answering holds the outbox for ever");
    }
    if (Duration.ofMillis(longestSendMillis).multipliedBy(2).compareTo(claimFor) > 0) {
      throw new IllegalStateException("rightsdesk.outbox.claim-for (" + claimFor + ") must be at least twice the "
          + "mail." + protocol + " connection, read and write timeouts together (" + longestSendMillis + " ms)");
    }
  }

  private String protocol() {
    String protocol = sender.getProtocol() != null ? sender.getProtocol()
        : sender.getJavaMailProperties().getProperty("mail.transport.protocol");
    return protocol != null ? protocol : JavaMailSenderImpl.DEFAULT_PROTOCOL;
  }

  /** Connects to the SMTP server; the caller sends over the connection and closes it. */
  Connection connect() {
    try {
      Session session = sender.getSession();
      Transport transport = session.getTransport(protocol());
      // an empty user (an unset environment variable) means none, as to Spring's sender
      boolean anonymous = sender.getUsername() == null || sender.getUsername().isEmpty();
      transport.connect(sender.getHost(), sender.getPort(), anonymous ? null : sender.getUsername(),
          anonymous ? null : sender.getPassword());
      return new Connection(session, transport);
    } catch (MessagingException e) {
      // the mail library's messages may name the server's answer: keep the exception's kind only
      throw new MailSendException("Could not connect to the SMTP server (" + e.getClass().getSimpleName()
          + "); see the SMTP server's log for the reason");
    }
  }

  /** One connection to the SMTP server. */
  final class Connection implements AutoCloseable {

    private final Session session;
    private final Transport transport;

    private Connection(Session session, Transport transport) {
      this.session = session;
      this.transport = transport;
    }

    /** Hands one letter to the server; answers once the server has taken it. */
    void send(String letterKey, String to, String subjectLine, String body) {
      try {
        MimeMessage message = new KeyedMessage(session, letterKey);
        message.setFrom(new InternetAddress(controller.senderAddress(), controller.name(), "UTF-8"));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
        message.setReplyTo(new InternetAddress[] {new InternetAddress(controller.gdprEmail())});
        message.setSubject(subjectLine, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        transport.sendMessage(message, message.getAllRecipients());
      } catch (MessagingException | UnsupportedEncodingException e) {
        // the SMTP server's answer and the mail library's messages name the recipient: keep them out of the
        // exception, whose kind the outbox records
        throw new MailSendException("Could not send the letter " + letterKey + " (" + e.getClass().getSimpleName()
            + "); see the SMTP server's log for the reason");
      }
    }

    @Override
    public void close() {
      try {
        transport.close();
      } catch (MessagingException e) {
        // the server went away after its last answer: every letter it took has been recorded already
      }
    }
  }

  /** A message whose Message-ID stays the same however often it is sent. */
  private static final class KeyedMessage extends MimeMessage {

    private final String letterKey;

    KeyedMessage(Session session, String letterKey) {
      super(session);
      this.letterKey = letterKey;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + letterKey.replace('/', '.') + "@rightsdesk>");
    }
  }
}
