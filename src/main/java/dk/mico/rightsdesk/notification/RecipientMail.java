package dk.mico.rightsdesk.notification;

import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Notices to the recipients of a subject's data (Art 19), processors among them as an instruction under their data
 * processing agreement. The caller keeps the record of each notice and sends it once per key; the Message-ID comes
 * from the key, so a resend after a crash is recognisable as the same notice.
 */
@Component
public class RecipientMail {

  private final Outbox outbox;
  private final Clock clock;

  RecipientMail(Outbox outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Queues the notice in the caller's transaction; the outbox delivers it. */
  public void send(String noticeKey, String to, String subjectLine, String body) {
    outbox.queue(noticeKey, null, to, subjectLine, body, clock.instant());
  }
}
