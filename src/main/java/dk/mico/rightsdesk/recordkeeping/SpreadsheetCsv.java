package dk.mico.rightsdesk.recordkeeping;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV that is safe to open in a spreadsheet (RFC 4180 quoting; OWASP's advice on CSV injection): every cell is quoted,
 * quotes inside are doubled, and a cell that a spreadsheet would read as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, so it shows as text and never runs.
 */
final class SpreadsheetCsv {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private SpreadsheetCsv() {}

  static String line(List<String> cells) {
    return cells.stream().map(SpreadsheetCsv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  static String cell(String value) {
    if (value == null) {
      return "\"\"";
    }
    String text = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
