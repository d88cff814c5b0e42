package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.access.AccessRecords.NewPassage;
import dk.mico.rightsdesk.access.AccessRecords.NewRecord;
import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.ExportedRecord;
import dk.mico.rightsdesk.systems.Finding;
import dk.mico.rightsdesk.systems.SystemId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gathers what each system holds for an access or portability request: discovery records the findings, then the
 * declared export columns of every finding (name-only candidates too, held back until the officer decides) are kept
 * with the request, and free text that names other people known to the company is flagged for redaction (Art 15(4)).
 */
@Service
public class AccessCompiler {

  /** Free text is a value of at least this many words of letters; shorter values are names, titles, numbers. */
  private static final int FREE_TEXT_WORDS = 4;
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
  private static final Pattern WORDS = Pattern.compile("\\s+");

  private final Discovery discovery;
  private final CompanySystems systems;
  private final AccessRecords records;
  private final RequestLifecycle lifecycle;

  AccessCompiler(Discovery discovery, CompanySystems systems, AccessRecords records, RequestLifecycle lifecycle) {
    this.discovery = discovery;
    this.systems = systems;
    this.records = records;
    this.lifecycle = lifecycle;
  }

  /** Looks the subject up in one JDBC system and keeps what it returned (one retried job per system). */
  @Transactional
  public void compileSystem(String reference, String systemId) {
    DataSubjectRequest request = lifecycle.get(reference);
    SystemId system = SystemId.of(systemId);
    List<Finding> found = discovery.discover(reference, systemId);
    Map<String, List<Finding>> byTable = found.stream()
        .collect(Collectors.groupingBy(Finding::table, LinkedHashMap::new, Collectors.toList()));
    List<String> otherPeople = found.isEmpty() ? List.of() : otherPeople(request);
    Map<NewRecord, List<NewPassage>> compiled = new LinkedHashMap<>();
    byTable.forEach((table, findings) -> {
      Map<String, ExportedRecord> exported = systems.export(system, table,
              findings.stream().map(Finding::recordId).toList()).stream()
          .collect(Collectors.toMap(ExportedRecord::recordId, Function.identity()));
      for (Finding f : findings) {
        ExportedRecord record = exported.get(f.recordId());
        if (record == null) {
          continue; // gone between lookup and export
        }
        compiled.put(new NewRecord(table, f.recordId(), f.matchedBy().name(), f.categories(), f.legalBasis(),
            f.source(), f.portable(), record.columns(), f.verified()), passages(record.columns(), otherPeople));
      }
    });
    records.replaceSystem(request.id(), systemId, compiled);
  }

  /**
   * What the owner of a manual system found by hand; nothing found is recorded too, so the report can say the system
   * was searched. The text is the owner's own summary of what the system holds on the subject.
   */
  @Transactional
  public void recordManualSearch(String reference, String systemId, boolean found, String whatWasFound,
      String searchedBy) {
    if (found && (whatWasFound == null || whatWasFound.isBlank())) {
      throw new InvalidRequestException(List.of(new Violation("whatWasFound",
          "is required when something was found: describe or copy what the system holds on the subject")));
    }
    DataSubjectRequest request = lifecycle.get(reference);
    SystemDeclaration declaration = systems.system(SystemId.of(systemId));
    Map<NewRecord, List<NewPassage>> compiled = new LinkedHashMap<>();
    if (found) {
      Map<String, Object> columns = Map.of("found", whatWasFound.strip());
      compiled.put(new NewRecord(AccessRecords.MANUAL_TABLE, "1", AccessRecords.MANUAL_MATCH,
          List.of(declaration.activity().da()), declaration.legalBasis(), null, null, columns, true),
          passages(columns, otherPeople(request)));
    }
    records.replaceSystem(request.id(), systemId, compiled);
    lifecycle.recordStep(request, Step.MANUAL_SEARCH_RECORDED, searchedBy,
        systemId + (found ? ": found" : ": nothing found"));
  }

  /** Names of the people in the company's records other than the subject, lower-cased for comparison. */
  private List<String> otherPeople(DataSubjectRequest request) {
    String own = normalise(request.subject().name());
    return systems.personNames().stream()
        .map(AccessCompiler::normalise)
        .filter(name -> name.contains(" ") && !name.equals(own))
        .distinct()
        .toList();
  }

  /** The sentences of each free-text value, each flagged with the other people it names. */
  static List<NewPassage> passages(Map<String, Object> columns, List<String> otherPeople) {
    List<NewPassage> passages = new ArrayList<>();
    columns.forEach((column, value) -> {
      if (!(value instanceof String text) || !freeText(text)) {
        return;
      }
      String[] sentences = SENTENCE_END.split(text.strip());
      for (int i = 0; i < sentences.length; i++) {
        String sentence = normalise(sentences[i]);
        List<String> named = otherPeople.stream().filter(sentence::contains).toList();
        passages.add(new NewPassage(column, i, sentences[i], named.isEmpty() ? null : String.join(", ", named)));
      }
    });
    return passages;
  }

  /** Words, not numbers: a phone number or a date has spaces but names nobody. */
  static boolean freeText(String text) {
    return java.util.Arrays.stream(WORDS.split(text.strip()))
        .filter(word -> word.codePoints().anyMatch(Character::isLetter))
        .count() >= FREE_TEXT_WORDS;
  }

  private static String normalise(String text) {
    return text == null ? "" : WORDS.matcher(text.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
  }
}
