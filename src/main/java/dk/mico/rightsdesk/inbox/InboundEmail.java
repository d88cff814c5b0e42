package dk.mico.rightsdesk.inbox;

import java.time.Instant;
import java.util.List;

/**
 * An e-mail of the GDPR mailbox as stored, with what the officer made of it.
 *
 * @param officerNote why it was not taken as a subject's answer, or why it was dismissed on arrival; null if neither
 */
public record InboundEmail(long id, Instant receivedAt, String senderEmail, String senderName, String subject,
    String text, String attachments, boolean parsed, String suggestedType, String language, InboxState state,
    String dismissalReason, String officerNote, List<String> references) {

  /** The sender as a person reads it: "Name <address>". */
  public String from() {
    if (senderEmail == null) {
      return senderName;
    }
    return senderName == null ? senderEmail : senderName + " <" + senderEmail + ">";
  }
}
