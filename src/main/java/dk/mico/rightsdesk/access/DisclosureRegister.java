package dk.mico.rightsdesk.access;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The register of disclosures ({@code rightsdesk.company.recipients}, beside the system declarations): who receives
 * personal data from MICO's systems. An access answer names the actual recipients of the systems that hold the
 * subject's data (Art 15(1)(c), CJEU C-154/21), not categories of them.
 */
@ConfigurationProperties("rightsdesk.company")
public record DisclosureRegister(List<Recipient> recipients) {

  public DisclosureRegister {
    recipients = recipients == null ? List.of() : List.copyOf(recipients);
  }

  /** One processor or recipient. */
  public record Recipient(String id, String name, String role, List<String> categories, String dpaReference,
      String noticeContact) {}

  Optional<Recipient> find(String id) {
    return recipients.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
