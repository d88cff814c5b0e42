package dk.mico.rightsdesk.deadline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The real holiday data file, bound as the application binds it, for tests without a Spring context. */
public final class DanishHolidays {

  static final String HOLIDAYS_FILE = "config/holidays.yaml";

  private DanishHolidays() {}

  static Iterable<ConfigurationPropertySource> dataFile() {
    try {
      List<PropertySource<?>> sources =
          new YamlPropertySourceLoader().load(HOLIDAYS_FILE, new ClassPathResource(HOLIDAYS_FILE));
      return ConfigurationPropertySources.from(sources);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DeadlineProperties properties() {
    return new Binder(dataFile()).bindOrCreate("rightsdesk.deadline", DeadlineProperties.class);
  }

  public static LegalCalendar legalCalendar() {
    return new LegalCalendar(properties());
  }

  static HolidayCalendar holidayCalendar() {
    return new HolidayCalendar(properties().holidays());
  }
}
