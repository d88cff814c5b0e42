package dk.mico.rightsdesk.deadline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the legal calendar ({@code rightsdesk.deadline.*}).
 *
 * @param zone the controller's time zone, in which the receipt date is taken
 * @param months the period to answer, GDPR Art 12(3)
 * @param extendedMonths the period after an extension: receipt + 1 + 2 further months, Art 12(3)
 * @param holidays the public holidays that move a deadline (1182/71 Art 3(4)); the Danish ones are in
 *     {@code config/holidays.yaml}
 */
@Validated
@ConfigurationProperties("rightsdesk.deadline")
public record DeadlineProperties(
    @NotNull @DefaultValue("Europe/Copenhagen") ZoneId zone,
    @Min(1) @DefaultValue("1") int months,
    @Min(1) @DefaultValue("3") int extendedMonths,
    @NotEmpty(
            message =
                "no public holidays are configured: import classpath:config/holidays.yaml"
                    + " (spring.config.import)")
        List<@Valid HolidayRule> holidays) {}
