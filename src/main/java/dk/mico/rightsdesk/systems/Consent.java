package dk.mico.rightsdesk.systems;

import java.util.Locale;

/**
 * A consent the subject can withdraw on its own (Art 7(3)): one per system that holds data only on consent, named as
 * the system is. The one kept with a suppression list is the consent to marketing: withdrawing it also stops the
 * marketing flags in other systems and keeps the address off marketing for good.
 */
public record Consent(String id, CompanyProperties.Text label, boolean marketing) {

  public String label(Locale locale) {
    return label.in(locale);
  }
}
