package dk.mico.rightsdesk.request;

import java.time.Instant;
import java.util.List;

/**
 * A submission as it arrives, from the public form, the public API or the officer's registration. Fields are raw
 * text so that validation can name every bad field at once. {@code consents}: the ids of the consents withdrawn
 * (a withdrawal of consent only); none means every consent. {@code transmitTo}: the controller a portability
 * request asks the data sent to (Art 20(2)), or null.
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
    Boolean representativeMandateChecked,
    List<String> consents,
    ReceivingController transmitTo) {

  /** A submission by the subject through the public web form or API: the channel is the web, received now. */
  public static NewRequest fromPublic(
      String type, String objectionScope, String name, String email, String phone, String language, String details,
      List<String> consents, ReceivingController transmitTo) {
    return new NewRequest(
        type, objectionScope, name, email, phone, null, language, details, Channel.WEB.name(), null, false, null, null,
        null, consents, transmitTo);
  }
}
