package dk.mico.rightsdesk.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The secure download of an access or portability answer ({@code rightsdesk.delivery.*}).
 *
 * @param validFor how long the link works; the files are deleted when it expires
 * @param maxWrongCodes wrong codes in a row that lock the page
 * @param lockFor how long the page stays locked after them
 */
@ConfigurationProperties("rightsdesk.delivery")
public record DeliveryProperties(
    @DefaultValue("P14D") Duration validFor,
    @DefaultValue("5") int maxWrongCodes,
    @DefaultValue("PT1H") Duration lockFor) {

  public DeliveryProperties {
    if (validFor.isNegative() || validFor.isZero() || lockFor.isNegative() || maxWrongCodes < 1) {
      throw new IllegalArgumentException(
          "rightsdesk.delivery: valid-for and lock-for must be positive, max-wrong-codes at least 1");
    }
  }
}
