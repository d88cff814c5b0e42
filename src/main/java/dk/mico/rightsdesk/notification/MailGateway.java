package dk.mico.rightsdesk.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Hands a letter to the SMTP server. SMTP cannot be exactly-once: the Message-ID is derived from the letter's unique
 * key, so the rare resend after a crash between sending and committing is recognisable as the same letter.
 */
@Component
class MailGateway {

  private final JavaMailSender sender;
  private final ControllerProperties controller;

  MailGateway(JavaMailSender sender, ControllerProperties controller) {
    this.sender = sender;
    this.controller = controller;
  }

  void send(String letterKey, String to, String subjectLine, String body) {
    try {
      MimeMessage message = new KeyedMessage(sender.createMimeMessage().getSession(), letterKey);
      message.setFrom(new InternetAddress(controller.senderAddress(), controller.name(), "UTF-8"));
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to, true));
      message.setReplyTo(new InternetAddress[] {new InternetAddress(controller.gdprEmail())});
      message.setSubject(subjectLine, StandardCharsets.UTF_8.name());
      message.setText(body, StandardCharsets.UTF_8.name());
      sender.send(message);
    } catch (MessagingException | java.io.UnsupportedEncodingException | MailException e) {
      // the SMTP server's answer and the mail library's messages name the recipient: keep them out of the
      // exception, which the engine stores with the incident and the job executor logs
      throw new MailSendException("Could not send the letter " + letterKey + " (" + e.getClass().getSimpleName()
          + "); see the SMTP server's log for the reason");
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
