package dk.mico.rightsdesk.notification;

/** A link that carries a secret: it goes into the letter that is sent, never into the archive. */
public record SecretLink(String url) {

  @Override
  public String toString() {
    return url;
  }
}
