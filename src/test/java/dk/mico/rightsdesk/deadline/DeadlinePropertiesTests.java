package dk.mico.rightsdesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** The holiday declarations are checked when the application binds them, as it does at start-up. */
class DeadlinePropertiesTests {

  private static final ValidatorFactory VALIDATOR_FACTORY = Validation.buildDefaultValidatorFactory();

  @AfterAll
  static void closeValidatorFactory() {
    VALIDATOR_FACTORY.close();
  }

  private static DeadlineProperties bindValidated(Iterable<ConfigurationPropertySource> sources) {
    ValidationBindHandler validation =
        new ValidationBindHandler(new SpringValidatorAdapter(VALIDATOR_FACTORY.getValidator()));
    return new Binder(sources)
        .bindOrCreate("rightsdesk.deadline", Bindable.of(DeadlineProperties.class), validation);
  }

  private static DeadlineProperties bindValidated(Map<String, String> properties) {
    return bindValidated(List.of(new MapConfigurationPropertySource(properties)));
  }

  @Test
  void acceptsTheDanishHolidayFile() {
    assertThat(bindValidated(DanishHolidays.dataFile()).holidays())
        .extracting(HolidayRule::name)
        .contains("Nytårsdag", "Store bededag", "2. juledag");
  }

  @Test
  void refusesARuleWithBothDateAndEasterOffset() {
    assertThatThrownBy(
            () ->
                bindValidated(
                    Map.of(
                        "rightsdesk.deadline.holidays[0].name", "Påskedag",
                        "rightsdesk.deadline.holidays[0].date", "04-20",
                        "rightsdesk.deadline.holidays[0].easterOffset", "0")))
        .isInstanceOf(BindException.class)
        .hasRootCauseInstanceOf(BindValidationException.class)
        .rootCause()
        .hasMessageContaining("holiday rule 'Påskedag' has both date and easterOffset");
  }

  @Test
  void refusesARuleWithNeitherDateNorEasterOffset() {
    assertThatThrownBy(() -> bindValidated(Map.of("rightsdesk.deadline.holidays[0].name", "Juledag")))
        .rootCause()
        .hasMessageContaining("holiday rule 'Juledag' needs either date (MM-dd) or easterOffset");
  }

  @Test
  void refusesADateThatIsNotMonthDashDay() {
    assertThatThrownBy(
            () ->
                bindValidated(
                    Map.of(
                        "rightsdesk.deadline.holidays[0].name", "Juledag",
                        "rightsdesk.deadline.holidays[0].date", "25-12")))
        .rootCause()
        .hasMessageContaining("holiday rule 'Juledag' has date '25-12', which is not a valid MM-dd date");
    assertThatThrownBy(
            () ->
                bindValidated(
                    Map.of(
                        "rightsdesk.deadline.holidays[0].name", "Umulig dag",
                        "rightsdesk.deadline.holidays[0].date", "02-30")))
        .rootCause()
        .hasMessageContaining("holiday rule 'Umulig dag' has date '02-30'");
  }

  @Test
  void refusesAnEasterOffsetOutsideEastersYear() {
    assertThatThrownBy(
            () ->
                bindValidated(
                    Map.of(
                        "rightsdesk.deadline.holidays[0].name", "Fastelavn",
                        "rightsdesk.deadline.holidays[0].easterOffset", "-300")))
        .rootCause()
        .hasMessageContaining("holiday rule 'Fastelavn' has easterOffset -300");
  }

  @Test
  void refusesAYearRangeThatEndsBeforeItStarts() {
    assertThatThrownBy(
            () ->
                bindValidated(
                    Map.of(
                        "rightsdesk.deadline.holidays[0].name", "Store bededag",
                        "rightsdesk.deadline.holidays[0].easterOffset", "26",
                        "rightsdesk.deadline.holidays[0].fromYear", "2024",
                        "rightsdesk.deadline.holidays[0].untilYear", "2023")))
        .rootCause()
        .hasMessageContaining("holiday rule 'Store bededag' has fromYear 2024 after untilYear 2023");
  }

  @Test
  void doesNotReadAConfiguredNameAsAMessageTemplate() {
    assertThatThrownBy(
            () ->
                bindValidated(
                    Map.of(
                        "rightsdesk.deadline.holidays[0].name", "${1+1} {name}",
                        "rightsdesk.deadline.holidays[0].date", "13-01")))
        .rootCause()
        .hasMessageContaining("holiday rule '${1+1} {name}' has date '13-01'");
  }

  @Test
  void refusesToRunWithoutHolidays() {
    assertThatThrownBy(() -> bindValidated(Map.of("rightsdesk.deadline.months", "1")))
        .rootCause()
        .hasMessageContaining("no public holidays are configured: import classpath:config/holidays.yaml");
  }
}
