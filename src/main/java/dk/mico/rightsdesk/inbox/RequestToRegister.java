package dk.mico.rightsdesk.inbox;

import java.util.List;

/**
 * One request the officer registers from an e-mail; the rest (subject, channel, receipt time) comes from the mail.
 * {@code consents}: for a withdrawal of consent, the consents withdrawn (none: every consent).
 */
public record RequestToRegister(String type, String objectionScope, String details, String language,
    List<String> consents) {}
