package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.access.AccessRecords.Passage;
import dk.mico.rightsdesk.access.AccessReview.Review;
import dk.mico.rightsdesk.access.AccessRecords.StoredRecord;
import dk.mico.rightsdesk.access.AccessReport.Item;
import dk.mico.rightsdesk.access.AccessReport.LeftOut;
import dk.mico.rightsdesk.access.AccessReport.RecipientLine;
import dk.mico.rightsdesk.access.AccessReport.SystemPart;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.DisclosureRegister;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Builds the report of an access or portability request from what the systems returned and the officer's review. */
@Service
public class AccessReports {

  private final AccessRecords records;
  private final CompanySystems systems;
  private final DisclosureRegister register;
  private final AccessReportProperties practice;
  private final MessageSource messages;
  private final Clock clock;
  private final LegalCalendar calendar;

  AccessReports(AccessRecords records, CompanySystems systems, DisclosureRegister register,
      AccessReportProperties practice, MessageSource messages, Clock clock, LegalCalendar calendar) {
    this.calendar = calendar;
    this.records = records;
    this.systems = systems;
    this.register = register;
    this.practice = practice;
    this.messages = messages;
    this.clock = clock;
  }

  /** The report as it stands: released records only, redacted passages withheld. */
  public AccessReport build(DataSubjectRequest request) {
    Locale locale = request.language().locale();
    boolean portability = request.type() == RequestType.PORTABILITY;
    Map<Long, List<Passage>> passages = records.passages(request.id()).stream()
        .collect(Collectors.groupingBy(Passage::recordId));
    Map<String, List<StoredRecord>> released = records.records(request.id()).stream()
        .filter(StoredRecord::released)
        .collect(Collectors.groupingBy(StoredRecord::system, LinkedHashMap::new, Collectors.toList()));
    List<SystemPart> parts = new ArrayList<>();
    List<LeftOut> leftOut = new ArrayList<>();
    int redactions = 0;
    for (SystemDeclaration system : systems.systems()) {
      List<Item> items = new ArrayList<>();
      for (StoredRecord record : released.getOrDefault(system.id(), List.of())) {
        List<String> reasons = portability ? Portability.reasonsNotPortable(record) : List.of();
        if (!reasons.isEmpty()) {
          leftOut.add(new LeftOut(system.name(locale), record.table(), record.recordId(),
              String.join(", ", systems.categories(system.id(), record.table(), record.categories(), locale)),
              reasons.stream().map(key -> messages.getMessage(key, null, locale)).toList()));
          continue;
        }
        List<Passage> own = passages.getOrDefault(record.id(), List.of());
        redactions += (int) own.stream().filter(Passage::redacted).count();
        items.add(new Item(record.table(), record.recordId(), record.legalBasis(), sourceText(record, locale),
            withRedactions(record.columns(), own, locale)));
      }
      if (!items.isEmpty()) {
        parts.add(new SystemPart(system.id(), system.name(locale), system.activity(locale), system.purpose(locale),
            system.legalBasis(), system.source(locale), system.retention(locale),
            categories(system.id(), released.get(system.id()), locale), recipients(system), items));
      }
    }
    String note = records.review(request.id()).map(Review::note).orElse(null);
    return new AccessReport(request.reference(), request.type(), locale, request.subject().name(),
        LocalDate.ofInstant(clock.instant(), calendar.zone()), parts, leftOut,
        systems.systems().stream().map(s -> s.name(locale)).toList(), redactions, note,
        practice.transfers(locale), practice.automatedDecisions(locale));
  }

  /** A record's values with each redacted sentence of its free text replaced by a marker. */
  private Map<String, Object> withRedactions(Map<String, Object> columns, List<Passage> passages, Locale locale) {
    Map<String, List<Passage>> byColumn = passages.stream()
        .collect(Collectors.groupingBy(Passage::column));
    String withheld = messages.getMessage("access.withheld", null, locale);
    Map<String, Object> values = new LinkedHashMap<>();
    columns.forEach((column, value) -> {
      List<Passage> sentences = byColumn.get(column);
      if (sentences == null || sentences.stream().noneMatch(Passage::redacted)) {
        values.put(column, value);
      } else {
        values.put(column, sentences.stream()
            .map(p -> p.redacted() ? withheld : p.text())
            .collect(Collectors.joining(" ")));
      }
    });
    return values;
  }

  private String sourceText(StoredRecord record, Locale locale) {
    if (record.source() == null) {
      return null;
    }
    return messages.getMessage("access.source." + record.source(), null, record.source(), locale);
  }

  private List<String> categories(String systemId, List<StoredRecord> records, Locale locale) {
    return records.stream()
        .flatMap(r -> systems.categories(systemId, r.table(), r.categories(), locale).stream())
        .distinct().toList();
  }

  private List<RecipientLine> recipients(SystemDeclaration system) {
    return system.recipients().stream()
        .map(id -> register.recipient(id)
            .map(r -> new RecipientLine(r.name(), r.role(), r.dpaReference()))
            .orElse(new RecipientLine(id, null, null)))
        .toList();
  }
}
