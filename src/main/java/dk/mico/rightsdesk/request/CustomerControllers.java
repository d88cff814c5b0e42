package dk.mico.rightsdesk.request;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The customers for whom MICO processes personal data under a data processing agreement (gdpr-rules.md §4). A request
 * about their data is theirs to answer: it is forwarded to the contact the agreement names
 * ({@code rightsdesk.forwarding.customers}).
 */
@Validated
@ConfigurationProperties("rightsdesk.forwarding")
public record CustomerControllers(List<@Valid Customer> customers) {

  /**
   * @param id a short key the officer picks
   * @param name the controller's name, as the subject is told it
   * @param address its postal address, for the subject's letter
   * @param privacyEmail where the agreement says requests are to be sent
   * @param agreement the agreement and its clause on assisting with requests (Art 28(3)(e)), cited in the notice,
   *     written in the customer's language
   * @param language the language of the forwarding notice ({@code da} or {@code en}); Danish when not set, as
   *     MICO's customers are Danish companies
   * @param processing the categories of processing MICO carries out for the customer, in Danish ({@code da}) and
   *     English ({@code en}), for the processor's record (Art 30(2)(b))
   */
  public record Customer(@NotBlank String id, @NotBlank String name, @NotBlank String address,
      @NotBlank @Email String privacyEmail, @NotBlank String agreement, @Pattern(regexp = "da|en") String language,
      Map<String, String> processing) {

    public Customer {
      language = language == null ? "da" : language;
      processing = processing == null ? Map.of() : Map.copyOf(processing);
      for (String text : List.of("da", "en")) {
        if (processing.get(text) == null || processing.get(text).isBlank()) {
          throw new IllegalStateException("rightsdesk.forwarding.customers[" + id + "].processing." + text
              + " is missing: the processor's record of processing (Art 30(2)) names what MICO does for the customer");
        }
      }
    }

    /** What MICO does for the customer, in the reader's language. */
    public String processing(Locale locale) {
      return processing.get("en".equals(locale.getLanguage()) ? "en" : "da");
    }
  }

  public CustomerControllers {
    customers = customers == null ? List.of() : List.copyOf(customers);
  }

  public Optional<Customer> find(String id) {
    return customers.stream().filter(c -> c.id().equals(id)).findFirst();
  }
}
