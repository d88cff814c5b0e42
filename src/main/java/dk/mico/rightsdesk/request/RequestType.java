package dk.mico.rightsdesk.request;

/** The rights a data subject can exercise (GDPR Art 15-21 and 7(3)). */
public enum RequestType {
  ACCESS("15"),
  RECTIFICATION("16"),
  ERASURE("17"),
  RESTRICTION("18"),
  OBJECTION("21"),
  CONSENT_WITHDRAWAL("7(3)"),
  PORTABILITY("20");

  private final String article;

  RequestType(String article) {
    this.article = article;
  }

  /** The GDPR article behind the right, as letters cite it. */
  public String article() {
    return article;
  }
}
