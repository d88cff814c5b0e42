package dk.mico.rightsdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTests {

  @Test
  void everyCellIsQuotedWithQuotesDoubledSoCommasAndLineBreaksStayInside() {
    assertThat(Csv.line(Arrays.asList("a, \"b\"\nc", null, "")))
        .isEqualTo("\"a, \"\"b\"\"\nc\",\"\",\"\"\r\n");
  }

  @Test
  void valuesAreWrittenAsTheyAreWithNoFormulaGuard() {
    assertThat(Csv.cell("=SUM(A1)")).isEqualTo("\"=SUM(A1)\"");
  }
}
