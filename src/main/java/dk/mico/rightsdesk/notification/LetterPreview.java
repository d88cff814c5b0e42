package dk.mico.rightsdesk.notification;

/** A letter as it would be sent, shown to the officer before approval. */
public record LetterPreview(String recipient, String subjectLine, String body) {}
