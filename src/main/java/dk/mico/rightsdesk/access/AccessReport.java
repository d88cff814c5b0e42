package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.request.RequestType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answer to an access (Art 15) or portability (Art 20) request as the subject gets it: per system that holds
 * their data the information of Art 15(1)(a)-(h) and the records with redactions applied. Personal data throughout.
 *
 * @param systems the systems that hold released data, in declared order
 * @param notPortable for portability: the records left out of the export, with the reasons
 * @param searchedSystems the names of every system searched, Rights Desk's own records included (F14)
 * @param earlierRequests the subject's other requests that Rights Desk holds, as the reader reads them
 * @param redactions how many passages were withheld (Art 15(4))
 * @param ownBackups how long Rights Desk's own backups are kept, as the reader reads it (F35)
 * @param listLimit the most records the report for reading lists ({@link #listedSystems()}); the data file has all
 */
public record AccessReport(
    String reference,
    RequestType type,
    Locale locale,
    String subjectName,
    LocalDate date,
    List<SystemPart> systems,
    List<LeftOut> notPortable,
    List<String> searchedSystems,
    List<String> earlierRequests,
    int redactions,
    String officerNote,
    String transfers,
    String automatedDecisions,
    String ownBackups,
    int listLimit) {

  /**
   * One system and what it holds on the subject; {@code purpose} is the activity and its purpose, as one text, and
   * {@code backups} how long the system's backups keep data after it is erased (CEF 2025, F35).
   */
  public record SystemPart(String id, String name, String activity, String purpose, String legalBasis,
      String source, String retention, String backups, List<String> categories, List<RecipientLine> recipients,
      List<Item> items) {}

  /** A recipient from the disclosure register. */
  public record RecipientLine(String name, String role, String dpaReference) {}

  /**
   * One record: its own legal basis and source (the system's where the record has none), its values with redactions
   * applied as held ({@code values}, by column, for the machine-readable copy), and the same values as the reader
   * reads them ({@code fields}: declared labels, dates in words).
   */
  public record Item(String table, String recordId, String legalBasis, String source, Map<String, Object> values,
      List<Field> fields) {}

  /** One value as the reader reads it: the column's declared label and the value in words. */
  public record Field(String label, String text) {}

  /** A record not in the portability export, and why. */
  public record LeftOut(String systemName, String table, String recordId, String categories, List<String> reasons) {}

  /** The day the report was made, in words ("4. december 2026"). */
  public String dateInWords() {
    return Wording.date(date, locale);
  }

  /**
   * The systems as the report for reading (HTML, PDF) shows them: every system's facts, and its records until
   * {@code listLimit} records are listed in all. Rendering ten thousand records would hold a job past its lock.
   */
  public List<SystemPart> listedSystems() {
    List<SystemPart> listed = new ArrayList<>();
    int room = listLimit;
    for (SystemPart part : systems) {
      List<Item> items = part.items().subList(0, Math.min(room, part.items().size()));
      room -= items.size();
      listed.add(items.size() == part.items().size() ? part
          : new SystemPart(part.id(), part.name(), part.activity(), part.purpose(), part.legalBasis(), part.source(),
              part.retention(), part.backups(), part.categories(), part.recipients(), List.copyOf(items)));
    }
    return listed;
  }

  /** How many records the report holds in all (the data file lists each). */
  public int recordCount() {
    return systems.stream().mapToInt(part -> part.items().size()).sum();
  }

  /** How many records the report for reading does not list: they are only in the data file. */
  public int unlistedCount() {
    return Math.max(0, recordCount() - listLimit);
  }

  public boolean foundAnything() {
    return !systems.isEmpty();
  }

  public boolean portability() {
    return type == RequestType.PORTABILITY;
  }
}
