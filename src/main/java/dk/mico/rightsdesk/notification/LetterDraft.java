package dk.mico.rightsdesk.notification;

/**
 * What the officer is about to write into a letter, as typed, before deciding: the free text, and for some letters a
 * choice (the Art 12(5) ground, the extension's reason code) and the fee. Each letter reads what it needs.
 */
public record LetterDraft(String text, String ground, Integer feeAmount, String extensionReasonCode) {}
