package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.access.AccessRecords.Passage;
import dk.mico.rightsdesk.access.AccessReview.Review;
import dk.mico.rightsdesk.access.AccessRecords.StoredRecord;
import dk.mico.rightsdesk.access.AccessReport.Field;
import dk.mico.rightsdesk.access.AccessReport.Item;
import dk.mico.rightsdesk.access.AccessReport.LeftOut;
import dk.mico.rightsdesk.access.AccessReport.RecipientLine;
import dk.mico.rightsdesk.access.AccessReport.SystemPart;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.systems.BackupRetention;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.DisclosureRegister;
import java.time.Clock;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Builds the report of an access or portability request from what the systems returned and the officer's review. */
@Service
public class AccessReports {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ISO_DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

  private final AccessRecords records;
  private final CompanySystems systems;
  private final DisclosureRegister register;
  private final AccessReportProperties practice;
  private final MessageSource messages;
  private final Clock clock;
  private final LegalCalendar calendar;
  private final RequestMarks marks;
  private final BackupRetention backups;

  AccessReports(AccessRecords records, CompanySystems systems, DisclosureRegister register,
      AccessReportProperties practice, MessageSource messages, Clock clock, LegalCalendar calendar,
      RequestMarks marks, BackupRetention backups) {
    this.backups = backups;
    this.calendar = calendar;
    this.marks = marks;
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
        Map<String, Object> values = withRedactions(record.columns(), own, locale);
        items.add(new Item(record.table(), record.recordId(), Wording.articles(record.legalBasis(), locale),
            source(system, record, locale), values, fields(system, record.table(), values, locale)));
      }
      if (!items.isEmpty()) {
        parts.add(new SystemPart(system.id(), system.name(locale), system.activity(locale), system.purpose(locale),
            system.legalBasis(), system.source(locale), system.retention(locale),
            messages.getMessage("access.report.backups.kept",
                new Object[] {Wording.period(system.backupRetentionPeriod(), locale)}, locale),
            categories(system.id(), released.get(system.id()), locale), recipients(system), items));
      }
    }
    String note = records.review(request.id()).map(Review::note).orElse(null);
    List<String> searched = new ArrayList<>(systems.systems().stream().map(s -> s.name(locale)).toList());
    searched.add(messages.getMessage("access.report.rightsDesk.name", null, locale));
    return new AccessReport(request.reference(), request.type(), locale, request.subject().name(),
        LocalDate.ofInstant(clock.instant(), calendar.zone()), parts, leftOut, searched,
        earlierRequests(request, locale), redactions, note,
        practice.transfers(locale), practice.automatedDecisions(locale),
        messages.getMessage("access.report.rightsDesk.backups",
            new Object[] {Wording.period(backups.ownBackups(), locale)}, locale),
        practice.reportRecordLimit());
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

  /** The record's own source where its system records one, else the source the system declares (F12). */
  private String source(SystemDeclaration system, StoredRecord record, Locale locale) {
    if (record.source() == null) {
      return system.source(locale);
    }
    return messages.getMessage("access.source." + record.source(), null, record.source(), locale);
  }

  /** The values as the reader reads them: each under its declared label, dates in words, yes and no. */
  private List<Field> fields(SystemDeclaration system, String table, Map<String, Object> values, Locale locale) {
    List<Field> fields = new ArrayList<>();
    values.forEach((column, value) -> fields.add(new Field(
        AccessRecords.MANUAL_TABLE.equals(table) ? messages.getMessage("access.report.manualFound", null, locale)
            : system.record(table).map(r -> r.label(column, locale)).orElse(column),
        inWords(value, locale))));
    return fields;
  }

  private String inWords(Object value, Locale locale) {
    if (value == null) {
      return "";
    }
    if (value instanceof Boolean yes) {
      return messages.getMessage(yes ? "access.value.yes" : "access.value.no", null, locale);
    }
    if (value instanceof Number number && !(value instanceof Long) && !(value instanceof Integer)) {
      NumberFormat format = NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(2);
      format.setMaximumFractionDigits(2);
      return format.format(number);
    }
    String text = value.toString();
    try {
      if (ISO_DATE.matcher(text).matches()) {
        return Wording.date(LocalDate.parse(text), locale);
      }
      if (ISO_DATE_TIME.matcher(text).matches()) {
        return Wording.dateTime(LocalDateTime.parse(text).atZone(calendar.zone()), locale);
      }
    } catch (DateTimeParseException e) {
      return text; // looked like a date but is not one: shown as held
    }
    return text;
  }

  /** The subject's other requests, newest first: Rights Desk's own records about them (F14). */
  private List<String> earlierRequests(DataSubjectRequest request, Locale locale) {
    return marks.earlierRequests(request.subject().email(), request.id()).stream()
        .map(r -> messages.getMessage("access.report.rightsDesk.request", new Object[] {r.reference(),
            messages.getMessage("right.short." + r.type(), null, locale),
            Wording.date(calendar.receiptDate(r.receivedAt()), locale)}, locale))
        .toList();
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
