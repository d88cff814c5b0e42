package dk.mico.rightsdesk.notification;

/** A one-time code for a download: sent in a letter of its own, never kept in the archive. */
public record SecretCode(String value) {

  @Override
  public String toString() {
    return value;
  }
}
