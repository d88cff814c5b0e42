package dk.mico.rightsdesk.request;

/**
 * The controller a portability request asks the data to be sent to directly (Art 20(2)); the officer sends the files
 * by hand. As it arrives, both fields are raw text; once stored, the name is set and the e-mail address valid.
 */
public record ReceivingController(String name, String email) {}
