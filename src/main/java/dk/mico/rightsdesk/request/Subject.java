package dk.mico.rightsdesk.request;

/** The data subject's contact data, as given with the request. */
public record Subject(String name, String email, String phone, String postalAddress) {

  /** Letters go by e-mail when there is an address, otherwise they are printed for posting. */
  public boolean reachableByEmail() {
    return email != null && !email.isBlank();
  }
}
