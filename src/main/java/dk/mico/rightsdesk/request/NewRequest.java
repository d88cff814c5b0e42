package dk.mico.rightsdesk.request;

import java.time.Instant;

/**
 * A submission as it arrives, from the public form, the public API or the officer's registration. Fields are raw
 * text so that validation can name every bad field at once.
 */
public record NewRequest(
    String type,
    String objectionScope,
    String name,
    String email,
    String phone,
    String postalAddress,
    String language,
    String details,
    String channel,
    Instant receivedAt,
    Boolean identityVerified,
    String identityNote,
    String representativeName,
    Boolean representativeMandateChecked) {

  /** A submission by the subject through the public web form or API: the channel is the web, received now. */
  public static NewRequest fromPublic(
      String type, String objectionScope, String name, String email, String phone, String language, String details) {
    return new NewRequest(
        type, objectionScope, name, email, phone, null, language, details, Channel.WEB.name(), null, false, null, null,
        null);
  }
}
