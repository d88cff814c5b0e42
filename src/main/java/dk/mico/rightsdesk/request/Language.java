package dk.mico.rightsdesk.request;

import java.util.Locale;

/** The language a subject is answered in. */
public enum Language {
  da,
  en;

  public Locale locale() {
    return Locale.forLanguageTag(name());
  }

  /** The language as officers' screens name it, so that text typed for a letter is written in it. */
  public String staffName() {
    return this == da ? "Danish (dansk)" : "English";
  }
}
