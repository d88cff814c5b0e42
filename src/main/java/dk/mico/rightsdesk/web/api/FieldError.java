package dk.mico.rightsdesk.web.api;

/** One bad input field and what is wrong with it; the message never repeats the value, which may be personal data. */
public record FieldError(String field, String message) {}
