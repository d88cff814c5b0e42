package dk.mico.rightsdesk.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Public holidays and working days, from holiday rules kept as data. Saturdays and Sundays are never working days
 * (1182/71 Art 3(4)).
 */
public class HolidayCalendar {

  /** The Gregorian calendar, and with it this computus, starts in 1583. */
  private static final int FIRST_GREGORIAN_YEAR = 1583;

  /** Years are cheap to compute; the cap only keeps odd inputs from growing the cache without bound. */
  private static final int MAX_CACHED_YEARS = 256;

  private final List<HolidayRule> rules;
  private final Map<Integer, YearOfHolidays> cache = new ConcurrentHashMap<>();

  public HolidayCalendar(List<HolidayRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Easter Sunday of a Gregorian year (the anonymous Gregorian computus, Meeus/Jones/Butcher). */
  public static LocalDate easterSunday(int year) {
    if (year < FIRST_GREGORIAN_YEAR) {
      throw new IllegalArgumentException("Easter is computed for Gregorian years from 1583, not " + year);
    }
    int goldenNumber = year % 19;
    int century = year / 100;
    int yearOfCentury = year % 100;
    int skippedLeapYears = century / 4;
    int centuryRemainder = century % 4;
    int lunarCorrection = (century + 8) / 25;
    int solarCorrection = (century - lunarCorrection + 1) / 3;
    int epact = (19 * goldenNumber + century - skippedLeapYears - solarCorrection + 15) % 30;
    int leapYearsInCentury = yearOfCentury / 4;
    int yearRemainder = yearOfCentury % 4;
    int daysToSunday = (32 + 2 * centuryRemainder + 2 * leapYearsInCentury - epact - yearRemainder) % 7;
    int lateFullMoonCorrection = (goldenNumber + 11 * epact + 22 * daysToSunday) / 451;
    int dayCount = epact + daysToSunday - 7 * lateFullMoonCorrection + 114;
    return LocalDate.of(year, dayCount / 31, dayCount % 31 + 1);
  }

  public boolean isPublicHoliday(LocalDate date) {
    return holidays(date.getYear()).dates().contains(date);
  }

  /** The public holidays of a year, by date. */
  public List<PublicHoliday> holidaysIn(int year) {
    return holidays(year).holidays();
  }

  /** Monday to Friday and not a public holiday. */
  public boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !isPublicHoliday(date);
  }

  private YearOfHolidays holidays(int year) {
    YearOfHolidays cached = cache.get(year);
    if (cached != null) {
      return cached;
    }
    YearOfHolidays computed = compute(year);
    if (cache.size() < MAX_CACHED_YEARS) {
      cache.putIfAbsent(year, computed);
    }
    return computed;
  }

  private YearOfHolidays compute(int year) {
    List<PublicHoliday> holidays =
        rules.stream()
            .flatMap(rule -> rule.dateIn(year).map(date -> new PublicHoliday(rule.name(), date)).stream())
            .sorted(Comparator.comparing(PublicHoliday::date))
            .toList();
    Set<LocalDate> dates = holidays.stream().map(PublicHoliday::date).collect(Collectors.toUnmodifiableSet());
    return new YearOfHolidays(holidays, dates);
  }

  private record YearOfHolidays(List<PublicHoliday> holidays, Set<LocalDate> dates) {}
}
