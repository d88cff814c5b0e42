package dk.mico.rightsdesk.inbox;

import java.time.Instant;

/**
 * An e-mail as read from the mailbox, ready to be stored.
 *
 * @param messageKey the Message-ID, or a hash of the raw message where it has none: one e-mail, one key
 * @param receivedAt when it reached the mailbox (IMAP INTERNALDATE), the receipt time of any request in it
 * @param text plain text; HTML turned into text; the raw message when it could not be parsed
 * @param attachments one line per attachment: name, type, size
 * @param parsed false when the message could not be read as MIME and {@code text} is its raw source
 * @param repliesTo the In-Reply-To and References headers: the Message-IDs of our letters name their request; for an
 *     automatic mail also our Message-IDs in the headers of the letter it returns
 * @param automatic an auto-reply or a delivery report (Auto-Submitted, multipart/report): never a request
 */
public record ReceivedEmail(String messageKey, long mailboxUid, long uidValidity, Instant receivedAt,
    String senderEmail, String senderName, String subject, String text, String attachments, boolean parsed,
    String repliesTo, boolean automatic) {}
