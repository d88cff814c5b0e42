package dk.mico.rightsdesk.access;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the access report says about the controller's practice beyond the systems' declarations
 * ({@code rightsdesk.access.*}), per language ({@code da}, {@code en}): transfers to third countries and their
 * safeguards (Art 15(2)), and automated decisions (Art 15(1)(h)). Settings, since they are the company's facts.
 *
 * @param reportRecordLimit the most records the report for reading (HTML, PDF) lists; it says how many more there are
 *     and that the machine-readable file holds them all. It keeps the rendering job well inside its job lock
 *     (docs/benchmarks.md, "Long jobs")
 */
@ConfigurationProperties("rightsdesk.access")
public record AccessReportProperties(Map<String, String> transfers, Map<String, String> automatedDecisions,
    Integer reportRecordLimit) {

  static final int DEFAULT_REPORT_RECORD_LIMIT = 1_000;

  public AccessReportProperties {
    transfers = transfers == null ? Map.of() : Map.copyOf(transfers);
    automatedDecisions = automatedDecisions == null ? Map.of() : Map.copyOf(automatedDecisions);
    reportRecordLimit = reportRecordLimit == null ? DEFAULT_REPORT_RECORD_LIMIT : reportRecordLimit;
    if (reportRecordLimit < 1) {
      throw new IllegalArgumentException("rightsdesk.access.report-record-limit must be at least 1");
    }
  }

  String transfers(Locale locale) {
    return transfers.getOrDefault(locale.getLanguage(), transfers.get("en"));
  }

  String automatedDecisions(Locale locale) {
    return automatedDecisions.getOrDefault(locale.getLanguage(), automatedDecisions.get("en"));
  }
}
