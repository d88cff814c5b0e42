package dk.mico.rightsdesk.systems;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record's declared export columns, in declared order, for an access or portability answer.
 *
 * @param system the system
 * @param table the table
 * @param recordId the value of the record's id column, as text
 * @param columns column name to value, in the order of {@code export-columns}
 */
public record ExportedRecord(SystemId system, String table, String recordId, Map<String, Object> columns) {

  public ExportedRecord {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** The values are personal data: they stay out of logs. */
  @Override
  public String toString() {
    return "ExportedRecord[system=" + system + ", table=" + table + ", recordId=" + recordId + ", columns="
        + columns.keySet() + "]";
  }
}
