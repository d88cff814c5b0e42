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
 * @param repliesTo the In-Reply-To and References headers: the Message-IDs of our letters name their request
 */
public record ReceivedEmail(String messageKey, long mailboxUid, long uidValidity, Instant receivedAt,
    String senderEmail, String senderName, String subject, String text, String attachments, boolean parsed,
    String repliesTo) {}
