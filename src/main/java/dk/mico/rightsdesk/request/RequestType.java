package dk.mico.rightsdesk.request;

import java.util.Locale;

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

  /** The right as staff texts name it, with its article: "consent withdrawal (Art 7(3))". */
  public String label() {
    return label(null);
  }

  /** The right as staff texts name it, with the scope of an objection: "objection to direct marketing (Art 21)". */
  public String label(ObjectionScope scope) {
    return words(name()) + (scope == null ? "" : " to " + words(scope.name())) + " (Art " + article + ")";
  }

  private static String words(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
