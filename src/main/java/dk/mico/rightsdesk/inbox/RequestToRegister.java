package dk.mico.rightsdesk.inbox;

/** One request the officer registers from an e-mail; the rest (subject, channel, receipt time) comes from the mail. */
public record RequestToRegister(String type, String objectionScope, String details, String language) {}
