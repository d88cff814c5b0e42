package dk.mico.rightsdesk.recordkeeping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the record of processing activities (Art 30) says beyond the system declarations
 * ({@code rightsdesk.records-of-processing.*}), in Danish ({@code da}) and English ({@code en}): whom to contact
 * about the processing (Art 30(1)(a)), transfers to third countries (30(1)(e), 30(2)(c)) and a general description
 * of the technical and organisational security measures (30(1)(g), 30(2)(d)). The company's facts, so settings.
 * The start is refused when one is missing, naming it, since an inspector would ask for each.
 */
@ConfigurationProperties("rightsdesk.records-of-processing")
public record ProcessingRecordProperties(
    Map<String, String> contact, Map<String, String> transfers, Map<String, List<String>> measures) {

  private static final String PREFIX = "rightsdesk.records-of-processing.";

  public ProcessingRecordProperties {
    contact = contact == null ? Map.of() : Map.copyOf(contact);
    transfers = transfers == null ? Map.of() : Map.copyOf(transfers);
    measures = measures == null ? Map.of() : Map.copyOf(measures);
    List<String> missing = new ArrayList<>();
    for (String language : List.of("da", "en")) {
      if (blank(contact.get(language))) {
        missing.add(PREFIX + "contact." + language);
      }
      if (blank(transfers.get(language))) {
        missing.add(PREFIX + "transfers." + language);
      }
      if (measures.get(language) == null || measures.get(language).isEmpty()) {
        missing.add(PREFIX + "measures." + language);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("The record of processing activities (Art 30) needs " + String.join(", ", missing)
          + " (a text in Danish under da and in English under en)");
    }
  }

  String contact(Locale locale) {
    return contact.get(language(locale));
  }

  String transfers(Locale locale) {
    return transfers.get(language(locale));
  }

  List<String> measures(Locale locale) {
    return measures.get(language(locale));
  }

  private static String language(Locale locale) {
    return "en".equals(locale.getLanguage()) ? "en" : "da";
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
