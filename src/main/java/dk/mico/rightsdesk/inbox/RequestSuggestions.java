package dk.mico.rightsdesk.inbox;

/** Suggests the right and language of an e-mail from its words; implemented where the decision tables live. */
public interface RequestSuggestions {

  Suggestion suggest(String subjectAndText);
}
