package dk.mico.rightsdesk.request;

/** No request has that reference. */
public class UnknownRequestException extends RuntimeException {

  public UnknownRequestException(String reference) {
    super("No request " + reference);
  }
}
