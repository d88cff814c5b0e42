package dk.mico.rightsdesk.oversight;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the managers must see about time that was lost before anyone could act: a request registered when its legal
 * deadline had already passed (a letter found late), and an extension the subject was told of after the first month
 * (Art 12(3): within one month of receipt), or not told of yet when that month is over. Read at once for the open
 * requests on a page.
 */
@Component
class LateTelling {

  /** The flags of one open request. */
  record Flags(boolean registeredAfterDeadline, boolean extensionLetterLate) {}

  private static final Flags NONE = new Flags(false, false);

  private final JdbcClient jdbc;
  private final LegalCalendar calendar;

  LateTelling(JdbcClient jdbc, LegalCalendar calendar) {
    this.jdbc = jdbc;
    this.calendar = calendar;
  }

  /** The flags of these open requests (at most 1,000) that have one, by reference; the others are not in the map. */
  Map<String, Flags> openRequests(LocalDate today, Collection<String> references) {
    if (references.isEmpty()) {
      return Map.of();
    }
    Map<String, Flags> flags = new HashMap<>();
    jdbc.sql("""
            SELECT r.reference, r.original_due_date, r.created_at, l.delivered_at, l.id AS letter_id
            FROM dsr_request r LEFT JOIN letter l ON l.request_id = r.id AND l.kind = 'EXTENSION'
            WHERE r.status <> 'CLOSED' AND r.reference IN (:references)""")
        .param("references", references)
        .query(rs -> {
          LocalDate firstMonthEnds = rs.getDate("original_due_date").toLocalDate();
          boolean registeredLate = day(rs.getObject("created_at", OffsetDateTime.class)).isAfter(firstMonthEnds);
          OffsetDateTime told = rs.getObject("delivered_at", OffsetDateTime.class);
          boolean extended = rs.getObject("letter_id") != null;
          boolean toldLate = extended && (told == null ? today : day(told)).isAfter(firstMonthEnds);
          if (registeredLate || toldLate) {
            flags.merge(rs.getString("reference"), new Flags(registeredLate, toldLate),
                (a, b) -> new Flags(a.registeredAfterDeadline(), a.extensionLetterLate() || b.extensionLetterLate()));
          }
        });
    return flags;
  }

  Flags of(Map<String, Flags> flags, String reference) {
    return flags.getOrDefault(reference, NONE);
  }

  private LocalDate day(OffsetDateTime moment) {
    return calendar.receiptDate(moment.toInstant());
  }
}
