package dk.mico.rightsdesk.inbox;

/** What the words of an e-mail suggest: the right asked for (null when none is recognised) and the language. */
public record Suggestion(String type, String language) {}
