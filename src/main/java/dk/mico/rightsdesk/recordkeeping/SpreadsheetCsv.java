package dk.mico.rightsdesk.recordkeeping;

import dk.mico.rightsdesk.system.Csv;
import java.util.List;

/**
 * CSV that is safe to open in a spreadsheet (OWASP's advice on CSV injection), in {@link Csv}'s RFC 4180 lines: a
 * cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, so it shows as text and never runs.
 */
final class SpreadsheetCsv {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private SpreadsheetCsv() {}

  static String line(List<String> cells) {
    return Csv.line(cells.stream().map(SpreadsheetCsv::guarded).toList());
  }

  static String cell(String value) {
    return Csv.cell(guarded(value));
  }

  private static String guarded(String value) {
    return value != null && !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
