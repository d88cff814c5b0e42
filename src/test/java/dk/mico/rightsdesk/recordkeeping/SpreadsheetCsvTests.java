package dk.mico.rightsdesk.recordkeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCsvTests {

  @ParameterizedTest
  @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
  void aCellThatASpreadsheetWouldRunIsTurnedIntoText(String formula) {
    String cell = SpreadsheetCsv.cell(formula);
    assertThat(cell).startsWith("\"'");
    assertThat(unquote(cell)).isEqualTo("'" + formula);
  }

  @Test
  void everyCellIsQuotedWithQuotesDoubledSoCommasAndLineBreaksStayInside() {
    assertThat(SpreadsheetCsv.line(Arrays.asList("DSR-2026-00001", "a, \"b\"\nc", null, "")))
        .isEqualTo("\"DSR-2026-00001\",\"a, \"\"b\"\"\nc\",\"\",\"\"\r\n");
  }

  @Test
  void ordinaryValuesAreLeftAlone() {
    for (String value : List.of("2026-11-25", "ACCESS", "12", "yes")) {
      assertThat(unquote(SpreadsheetCsv.cell(value))).isEqualTo(value);
    }
  }

  private static String unquote(String cell) {
    return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
  }
}
