package dk.mico.rightsdesk.request;

/** An officer action that the law or the request's state does not allow now (e.g. a late or second extension). */
public class DeadlineChangeRefusedException extends RuntimeException {

  public DeadlineChangeRefusedException(String message) {
    super(message);
  }
}
