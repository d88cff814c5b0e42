package dk.mico.rightsdesk.request;

/** An officer action that the law or the request's state does not allow now (a late or second extension). */
public class RequestActionRefusedException extends RuntimeException {

  public RequestActionRefusedException(String message) {
    super(message);
  }
}
