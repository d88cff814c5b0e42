package dk.mico.rightsdesk.notification;

/**
 * Published when the mail server has taken a subject's e-mailed letter, in the transaction that marks it sent: a step
 * that must wait for the subject to have been told (the notice of lifting a restriction) goes on from here; the
 * moment is the letter's own ({@link Letter#deliveredAt()}).
 */
public record LetterSent(String reference, LetterKind kind) {}
