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
import java.util.Map;
import java.util.function.Function;
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
    List<NewRecord> gathered = new ArrayList<>();
    byTable.forEach((table, findings) -> {
      Map<String, ExportedRecord> exported = systems.export(system, table,
              findings.stream().map(Finding::recordId).toList()).stream()
          .collect(Collectors.toMap(ExportedRecord::recordId, Function.identity()));
      for (Finding f : findings) {
        ExportedRecord record = exported.get(f.recordId());
        if (record == null) {
          continue; // gone between lookup and export
        }
        gathered.add(new NewRecord(table, f.recordId(), f.matchedBy().name(), f.categories(), f.legalBasis(),
            f.source(), f.portable(), record.columns(), f.verified()));
      }
    });
    records.replaceSystem(request.id(), systemId, withPassages(gathered, request));
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
    List<NewRecord> gathered = found
        ? List.of(new NewRecord(AccessRecords.MANUAL_TABLE, "1", AccessRecords.MANUAL_MATCH,
            List.of(declaration.activity().da()), declaration.legalBasis(), null, null,
            Map.of("found", whatWasFound.strip()), true))
        : List.of();
    records.replaceSystem(request.id(), systemId, withPassages(gathered, request));
    lifecycle.recordStep(request, Step.MANUAL_SEARCH_RECORDED, searchedBy,
        systemId + (found ? ": found" : ": nothing found"));
  }

  /**
   * Each record with the sentences of its free text, flagged where they name people in the company's records other
   * than the subject. The names are read, a page at a time, only when there is free text to compare them with.
   */
  private Map<NewRecord, List<NewPassage>> withPassages(List<NewRecord> gathered, DataSubjectRequest request) {
    Passages passages = new Passages(request.subject().name());
    Map<NewRecord, List<Passages.Sentence>> sentences = new LinkedHashMap<>();
    gathered.forEach(record -> sentences.put(record, passages.add(record.columns())));
    if (passages.any()) {
      systems.personNames(passages::compare);
    }
    Map<NewRecord, List<NewPassage>> compiled = new LinkedHashMap<>();
    sentences.forEach((record, its) -> compiled.put(record, passages.flagged(its)));
    return compiled;
  }
}
