package dk.mico.rightsdesk.deadline;

import java.time.LocalDate;

/** A public holiday on a given date, with its Danish name. */
public record PublicHoliday(String name, LocalDate date) {}
