package dk.mico.rightsdesk.web;

/** A client or an e-mail address has submitted more than its share; answered with 429. */
public class RateLimitedException extends RuntimeException {

  public RateLimitedException() {
    super("Too many submissions from this client or for this e-mail address. Please try again later.");
  }
}
