package dk.mico.rightsdesk.access;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the access report says about the controller's practice beyond the systems' declarations
 * ({@code rightsdesk.access.*}), per language ({@code da}, {@code en}): transfers to third countries and their
 * safeguards (Art 15(2)), and automated decisions (Art 15(1)(h)). Settings, since they are the company's facts.
 */
@ConfigurationProperties("rightsdesk.access")
public record AccessReportProperties(Map<String, String> transfers, Map<String, String> automatedDecisions) {

  public AccessReportProperties {
    transfers = transfers == null ? Map.of() : Map.copyOf(transfers);
    automatedDecisions = automatedDecisions == null ? Map.of() : Map.copyOf(automatedDecisions);
  }

  String transfers(Locale locale) {
    return transfers.getOrDefault(locale.getLanguage(), transfers.get("en"));
  }

  String automatedDecisions(Locale locale) {
    return automatedDecisions.getOrDefault(locale.getLanguage(), automatedDecisions.get("en"));
  }
}
