package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.access.AccessRecords.NewPassage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The free text of the records one job gathered, sentence by sentence, and the other people known to the company
 * whom each sentence names (Art 15(4)): a sentence names a person when it holds the person's full name (lower case,
 * spaces collapsed). The names arrive a page at a time and none is kept that no sentence holds. A name is compared
 * only with the sentences where it can stand, those in which its first word ends a word followed by a space, so the
 * work grows with the names plus the text rather than with their product.
 */
final class Passages {

  /** Free text is a value of at least this many words of letters; shorter values are names, titles, numbers. */
  private static final int FREE_TEXT_WORDS = 4;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
  private static final Pattern WORDS = Pattern.compile("\\s+");

  /** A sentence of a free-text value, at its position in the value. */
  record Sentence(String column, int position, String text, String normalised) {}

  private final String subject;
  /** The names each distinct sentence holds, in the order they were read. */
  private final Map<String, Set<String>> named = new HashMap<>();
  /** Every ending of a word that a space follows, with the sentences it stands in. */
  private final Map<String, Set<String>> byWordEnding = new HashMap<>();

  /** For the sentences about the subject of this name, which is not another person. */
  Passages(String subjectName) {
    this.subject = normalise(subjectName);
  }

  /** The sentences of a record's free-text values, to compare with the names that follow. */
  List<Sentence> add(Map<String, Object> columns) {
    List<Sentence> sentences = new ArrayList<>();
    columns.forEach((column, value) -> {
      if (!(value instanceof String text) || !freeText(text)) {
        return;
      }
      String[] parts = SENTENCE_END.split(text.strip());
      for (int i = 0; i < parts.length; i++) {
        Sentence sentence = new Sentence(column, i, parts[i], normalise(parts[i]));
        sentences.add(sentence);
        if (named.putIfAbsent(sentence.normalised(), new LinkedHashSet<>()) == null) {
          index(sentence.normalised());
        }
      }
    });
    return sentences;
  }

  private void index(String sentence) {
    for (int space = sentence.indexOf(' '); space >= 0; space = sentence.indexOf(' ', space + 1)) {
      for (int start = sentence.lastIndexOf(' ', space - 1) + 1; start < space; start++) {
        byWordEnding.computeIfAbsent(sentence.substring(start, space), ending -> new LinkedHashSet<>()).add(sentence);
      }
    }
  }

  /** Whether there is free text at all: without it no name needs reading. */
  boolean any() {
    return !named.isEmpty();
  }

  /** Compares a page of names, as the company's systems hold them, with every sentence they can stand in. */
  void compare(List<String> names) {
    for (String raw : names) {
      String name = normalise(raw);
      int firstSpace = name.indexOf(' ');
      if (firstSpace < 0 || name.equals(subject)) {
        continue; // a single word names nobody for sure
      }
      // a name holds no leading space, so its first word is a non-empty ending of a sentence's word
      for (String sentence : byWordEnding.getOrDefault(name.substring(0, firstSpace), Set.of())) {
        if (sentence.contains(name)) {
          named.get(sentence).add(name);
        }
      }
    }
  }

  /** The passages of these sentences, each flagged with the other people it names. */
  List<NewPassage> flagged(List<Sentence> sentences) {
    return sentences.stream().map(s -> {
      Set<String> names = named.get(s.normalised());
      return new NewPassage(s.column(), s.position(), s.text(), names.isEmpty() ? null : String.join(", ", names));
    }).toList();
  }

  /** Words, not numbers: a phone number or a date has spaces but names nobody. */
  static boolean freeText(String text) {
    return Arrays.stream(WORDS.split(text.strip()))
        .filter(word -> word.codePoints().anyMatch(Character::isLetter))
        .count() >= FREE_TEXT_WORDS;
  }

  private static String normalise(String text) {
    return text == null ? "" : WORDS.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
  }
}
