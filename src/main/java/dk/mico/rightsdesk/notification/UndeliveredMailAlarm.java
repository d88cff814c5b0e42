package dk.mico.rightsdesk.notification;

import java.time.Instant;

/**
 * Shows operators a mail that the SMTP server has refused for too long, where they look without needing mail: an
 * incident in Cockpit. The outbox goes on trying; the alarm is cleared when the mail goes.
 */
public interface UndeliveredMailAlarm {

  /**
   * Raises the alarm for a mail, under the business key of its request (or the mail's key for a staff notice);
   * answers the handle that clears it (kept with the queued mail). {@code failure} is the kind of failure, never the server's text.
   */
  String raise(String businessKey, String mailKey, String failure, Instant failingSince);

  void clear(String handle);
}
