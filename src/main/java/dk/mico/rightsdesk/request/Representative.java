package dk.mico.rightsdesk.request;

/** Someone acting for the subject; the mandate must have been checked (EDPB 01/2022 §§79-80). */
public record Representative(String name, boolean mandateChecked) {}
