package dk.mico.rightsdesk.request;

import java.util.Locale;

/** The language a subject is answered in. */
public enum Language {
  da,
  en;

  public Locale locale() {
    return Locale.forLanguageTag(name());
  }
}
