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
   *     systems), {@code disclosure-log} (only the records its system logged in table {@code disclosure_log}),
   *     {@code record-filter} (only the records its {@code recordFilter} selects) or {@code infrastructure} (holds
   *     the data only as a hosting provider does, and is never told who asked what)
   * @param recordFilter for {@code received: record-filter}, per table it received from, which records it received
   */
  public record Recipient(String id, String name, String role, List<String> categories, String dpaReference,
      String noticeContact, String language, String received, List<RecordFilter> recordFilter) {

    public Recipient {
      categories = categories == null ? List.of() : List.copyOf(categories);
      language = language == null || language.isBlank() ? "da" : language;
      received = received == null || received.isBlank() ? "every-record" : received;
      recordFilter = recordFilter == null ? List.of() : List.copyOf(recordFilter);
      if (!List.of("every-record", "disclosure-log", "record-filter", "infrastructure").contains(received)) {
        throw new IllegalArgumentException("recipient " + id + ": received must be every-record, disclosure-log, "
            + "record-filter or infrastructure, not " + received);
      }
      if ("record-filter".equals(received) == recordFilter.isEmpty()) {
        throw new IllegalArgumentException("recipient " + id + ": record-filter is needed for received: "
            + "record-filter, and only there");
      }
    }

    public boolean filtered() {
      return "record-filter".equals(received);
    }

    /** The filter of the records it received from one table, if it declares one. */
    public Optional<RecordFilter> filterOf(SystemId system, String table) {
      return recordFilter.stream()
          .filter(f -> f.system().equals(system.value()) && f.table().equalsIgnoreCase(table))
          .findFirst();
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

  /**
   * Which records of one table a recipient received (F4: where a system keeps no disclosure log but the record says
   * it, such as a course's location): those whose {@code column} holds one of {@code values}, or, with
   * {@code references}, whose {@code column} points at a row of another table whose column holds one of them. Values
   * are compared as text. Asked before a record is changed, since an erased record can no longer be filtered.
   *
   * @param system the system's id
   * @param table the table, as the system declares it
   * @param column the record's column
   * @param references optional: the table the column points at, that table's id column and the column compared
   * @param values the values that mean the recipient received the record
   */
  public record RecordFilter(String system, String table, String column, Reference references, List<String> values) {

    public RecordFilter {
      values = values == null ? List.of() : List.copyOf(values);
      if (system == null || !SystemId.FORMAT.matcher(system).matches()) {
        throw new IllegalArgumentException("record-filter: system must be a system's id, not " + system);
      }
      identifier("table", table);
      identifier("column", column);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("record-filter of " + system + "." + table + ": values are missing");
      }
    }
  }

  /** The row a filtered record points at, and the column of that row that is compared. */
  public record Reference(String table, String idColumn, String column) {

    public Reference {
      identifier("references.table", table);
      identifier("references.id-column", idColumn);
      identifier("references.column", column);
    }
  }

  /** Names go into SQL, so they must be plain identifiers (declarations can never inject SQL). */
  private static void identifier(String field, String value) {
    if (value == null || !DeclarationRules.SQL_IDENTIFIER.matcher(value).matches()) {
      throw new IllegalArgumentException("record-filter: " + field + " must be a plain SQL identifier, not " + value);
    }
  }
}
