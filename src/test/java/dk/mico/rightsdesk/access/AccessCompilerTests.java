package dk.mico.rightsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.access.AccessRecords.NewPassage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which values are free text, how they split into passages, and which passages name other people (Art 15(4)). */
class AccessCompilerTests {

  @Test
  void sentencesNamingAnotherKnownPersonAreFlagged() {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("full_name", "Mette Kjærgaard Sørensen");
    columns.put("phone", "+45 14 72 58 36");
    columns.put("notes", "Ny bærbar bestilt til kontoret. Aftalt med Ida Bøgh at den gamle maskine slettes.");

    List<NewPassage> passages = AccessCompiler.passages(columns, List.of("ida bøgh", "birthe ravnsbæk"));

    assertThat(passages).extracting(NewPassage::column).containsOnly("notes");
    assertThat(passages).hasSize(2);
    assertThat(passages.get(0).namesFound()).isNull();
    assertThat(passages.get(1).text()).isEqualTo("Aftalt med Ida Bøgh at den gamle maskine slettes.");
    assertThat(passages.get(1).namesFound()).isEqualTo("ida bøgh");
  }

  @Test
  void numbersNamesAndShortValuesAreNotFreeText() {
    assertThat(AccessCompiler.freeText("+45 14 72 58 36")).isFalse();
    assertThat(AccessCompiler.freeText("Mette Kjærgaard Sørensen")).isFalse();
    assertThat(AccessCompiler.freeText("VPN-forbindelsen falder ud")).isFalse();
    assertThat(AccessCompiler.freeText("Godt kursus, men for lidt tid")).isTrue();
  }
}
