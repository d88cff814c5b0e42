package dk.mico.rightsdesk.notification;

import org.springframework.stereotype.Component;

/**
 * Notices to the recipients of a subject's data (Art 19), processors among them as an instruction under their data
 * processing agreement. The caller keeps the record of each notice and sends it once per key; the Message-ID comes
 * from the key, so a resend after a crash is recognisable as the same notice.
 */
@Component
public class RecipientMail {

  private final MailGateway mail;

  RecipientMail(MailGateway mail) {
    this.mail = mail;
  }

  public void send(String noticeKey, String to, String subjectLine, String body) {
    mail.send(noticeKey, to, subjectLine, body);
  }
}
