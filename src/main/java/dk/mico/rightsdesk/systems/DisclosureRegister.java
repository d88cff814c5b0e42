package dk.mico.rightsdesk.systems;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The register of disclosures ({@code rightsdesk.company.recipients}): who receives personal data from the company's
 * systems, and where a notice of a rectification, erasure or restriction goes (Art 19). The systems name their
 * recipients by these ids.
 *
 * @param recipients every processor and recipient
 */
@ConfigurationProperties("rightsdesk.company")
public record DisclosureRegister(List<Recipient> recipients) {

  public DisclosureRegister {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }

  public Optional<Recipient> recipient(String id) {
    return recipients.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /**
   * One recipient.
   *
   * @param id the id the system declarations use
   * @param name the recipient's name, as the subject's letter lists it
   * @param role {@code processor} (acts on the company's instructions under a data processing agreement) or
   *     {@code recipient}
   * @param categories the data categories it receives
   * @param dpaReference the data processing agreement, for a processor
   * @param noticeContact the address notices go to
   * @param language the language its notices are written in: {@code da} (the default) or {@code en}
   * @param received how it received a person's data: {@code every-record} (the default: every record of its
   *     systems), {@code disclosure-log} (only the records its system logged in table {@code disclosure_log}) or
   *     {@code infrastructure} (holds the data only as a hosting provider does, and is never told who asked what)
   */
  public record Recipient(String id, String name, String role, List<String> categories, String dpaReference,
      String noticeContact, String language, String received) {

    public Recipient {
      categories = categories == null ? List.of() : List.copyOf(categories);
      language = language == null || language.isBlank() ? "da" : language;
      received = received == null || received.isBlank() ? "every-record" : received;
      if (!List.of("every-record", "disclosure-log", "infrastructure").contains(received)) {
        throw new IllegalArgumentException("recipient " + id + ": received must be every-record, disclosure-log or "
            + "infrastructure, not " + received);
      }
    }

    public boolean infrastructureOnly() {
      return "infrastructure".equals(received);
    }

    public boolean logged() {
      return "disclosure-log".equals(received);
    }

    public boolean processor() {
      return "processor".equalsIgnoreCase(role);
    }
  }
}
