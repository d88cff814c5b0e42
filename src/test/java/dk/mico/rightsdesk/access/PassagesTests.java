package dk.mico.rightsdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import dk.mico.rightsdesk.access.AccessRecords.NewPassage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which values are free text, how they split into passages, and which passages name other people (Art 15(4)). */
class PassagesTests {

  @Test
  void sentencesNamingAnotherKnownPersonAreFlagged() {
    Map<String, Object> columns = new LinkedHashMap<>();
    columns.put("full_name", "Mette Kjærgaard Sørensen");
    columns.put("phone", "+45 14 72 58 36");
    columns.put("notes", "Ny bærbar bestilt til kontoret. Aftalt med Ida Bøgh at den gamle maskine slettes.");

    List<NewPassage> passages = flagged("Mette Kjærgaard Sørensen", columns, List.of("Ida  Bøgh", "Birthe Ravnsbæk"));

    assertThat(passages).extracting(NewPassage::column).containsOnly("notes");
    assertThat(passages).hasSize(2);
    assertThat(passages.get(0).namesFound()).isNull();
    assertThat(passages.get(1).text()).isEqualTo("Aftalt med Ida Bøgh at den gamle maskine slettes.");
    assertThat(passages.get(1).namesFound()).isEqualTo("ida bøgh");
  }

  @Test
  void theSubjectAndSingleWordsNameNobodyElse() {
    Map<String, Object> columns = Map.of("notes", "Mette Sørensen ringede, og Ida lovede at vende tilbage.");

    assertThat(flagged("Mette Sørensen", columns, List.of("mette sørensen", "Ida")).get(0).namesFound()).isNull();
  }

  /** The comparison is of text, not of words: a name inside longer words is found as before the index. */
  @Test
  void aNameIsFoundWhereverItsTextStandsAsTheSubstringComparisonFoundIt() {
    Map<String, Object> columns = Map.of("notes", "Joann Housewright og Bo Jensenius kom forbi med kaffe.");

    assertThat(flagged("Mette Sørensen", columns, List.of("Ann House", "Bo Jensen", "Ann Jensen")).get(0).namesFound())
        .isEqualTo("ann house, bo jensen");
  }

  @Test
  void namesReadInPagesFlagAsTheWholeListDoesEachNameOnceInTheOrderRead() {
    Map<String, Object> columns = Map.of("notes",
        "Anna Berg og Bo Jensen mødtes. Bo Jensen skrev til Carl Holm bagefter. Ingen andre var med i dag.");
    List<String> everyone = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      everyone.add("Person " + i);
    }
    everyone.addAll(List.of("Carl Holm", "Bo Jensen", "Anna Berg", "bo  JENSEN"));

    Passages whole = new Passages("Mette Sørensen");
    List<Passages.Sentence> sentences = whole.add(columns);
    whole.compare(everyone);
    Passages paged = new Passages("Mette Sørensen");
    List<Passages.Sentence> same = paged.add(columns);
    for (int from = 0; from < everyone.size(); from += 3) {
      paged.compare(everyone.subList(from, Math.min(everyone.size(), from + 3)));
    }

    assertThat(paged.flagged(same)).isEqualTo(whole.flagged(sentences))
        .extracting(NewPassage::namesFound).containsExactly("bo jensen, anna berg", "carl holm, bo jensen", null);
  }

  @Test
  void withoutFreeTextThereIsNothingToCompare() {
    Passages passages = new Passages("Mette Sørensen");
    passages.add(Map.of("full_name", "Mette Kjærgaard Sørensen", "phone", "+45 14 72 58 36"));

    assertThat(passages.any()).isFalse();
  }

  @Test
  void numbersNamesAndShortValuesAreNotFreeText() {
    assertThat(Passages.freeText("+45 14 72 58 36")).isFalse();
    assertThat(Passages.freeText("Mette Kjærgaard Sørensen")).isFalse();
    assertThat(Passages.freeText("VPN-forbindelsen falder ud")).isFalse();
    assertThat(Passages.freeText("Godt kursus, men for lidt tid")).isTrue();
  }

  private static List<NewPassage> flagged(String subject, Map<String, Object> columns, List<String> names) {
    Passages passages = new Passages(subject);
    List<Passages.Sentence> sentences = passages.add(columns);
    passages.compare(names);
    return passages.flagged(sentences);
  }
}
