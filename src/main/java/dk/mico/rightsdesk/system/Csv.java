package dk.mico.rightsdesk.system;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Lines of CSV as RFC 4180 writes them: every cell in quotes, quotes inside doubled, so commas and line breaks stay
 * inside the cell; lines end with CRLF. The values are written as they are: a caller that hands the file to a
 * spreadsheet guards against formulas itself.
 */
public final class Csv {

  private Csv() {}

  public static String line(List<String> cells) {
    return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  /** A cell; null is an empty one. */
  public static String cell(String value) {
    return value == null ? "\"\"" : "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
