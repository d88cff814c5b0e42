package dk.mico.rightsdesk.inbox;

/** No e-mail of the GDPR mailbox has that id. */
public class UnknownInboundEmailException extends RuntimeException {

  public UnknownInboundEmailException(long id) {
    super("No inbound e-mail " + id);
  }
}
