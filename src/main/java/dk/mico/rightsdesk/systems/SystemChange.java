package dk.mico.rightsdesk.systems;

import java.util.List;

/**
 * What an action changed in a system: where, which records, which data categories and columns, never a value, so a
 * log of changes holds nothing that was erased. An action that found nothing left to do answers an empty change.
 *
 * @param system the system
 * @param table the table
 * @param recordIds the records the action changed (not those that were already as wanted)
 * @param categories the data categories of the table
 * @param columns the columns written (empty for a deleted row)
 * @param action what was done
 */
public record SystemChange(
    SystemId system, String table, List<String> recordIds, List<String> categories, List<String> columns,
    Action action) {

  public SystemChange {
    recordIds = List.copyOf(recordIds);
    categories = List.copyOf(categories);
    columns = List.copyOf(columns);
  }

  public boolean changedAnything() {
    return !recordIds.isEmpty();
  }

  /** The actions on a system's records. */
  public enum Action {
    DELETED,
    ANONYMISED,
    RESTRICTED,
    RESTRICTION_LIFTED,
    RECTIFIED,
    MARKETING_STOPPED
  }
}
