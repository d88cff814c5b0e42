package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.access.AccessRecords.Passage;
import dk.mico.rightsdesk.access.AccessRecords.StoredRecord;
import dk.mico.rightsdesk.access.AccessReport.LeftOut;
import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.RequestFindings;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.Outcome;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.request.Step;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officer's review of an access or portability report before anything leaves: what each system returned, the
 * passages flagged for redaction (Art 15(4)), the name-only candidates (released only by the officer), and the
 * decision (approve, or refuse in part with a reason), which becomes the recorded answer.
 */
@Service
public class AccessReview {

  /** Approve the report as it stands (redacted passages are then withheld under Art 15(4)). */
  public static final String APPROVE = "APPROVE";
  /** Refuse in part: the reason (e.g. Art 15(4), Danish Data Protection Act §22) goes into the letter. */
  public static final String PARTIAL_REFUSAL = "PARTIAL_REFUSAL";

  private static final int MAX_TEXT = 4000;

  /** What the review page shows. */
  public record Draft(DataSubjectRequest request, AccessReport report, String reportHtml,
      List<SystemReturn> returned, List<PassageView> passages, List<Candidate> candidates,
      List<String> notPortable, Optional<Review> review) {}

  /** What one system returned. */
  public record SystemReturn(String name, boolean manual, long records, long nameOnly, long flagged) {}

  /** A passage of free text the officer may withhold. */
  public record PassageView(long id, String system, String table, String recordId, String column, String text,
      String namesFound, boolean redacted) {}

  /** A record that matched by name alone: the subject's only if the officer says so. */
  public record Candidate(long id, String system, String table, String recordId, Map<String, Object> values,
      boolean released) {}

  /** What the Tasklist task shows of the review. */
  public record Summary(long records, long nameOnly, long flagged, long redacted) {}

  /** The officer's decision on the report, with the number of passages withheld (kept after the export is gone). */
  public record Review(String decision, String reason, String note, String reviewedBy, Instant reviewedAt,
      int redactions) {}

  private final AccessRecords records;
  private final AccessReports reports;
  private final ReportFiles files;
  private final CompanySystems systems;
  private final RequestLifecycle lifecycle;
  private final Discovery discovery;
  private final MessageSource messages;
  private final Clock clock;

  AccessReview(AccessRecords records, AccessReports reports, ReportFiles files, CompanySystems systems,
      RequestLifecycle lifecycle, Discovery discovery, MessageSource messages, Clock clock) {
    this.discovery = discovery;
    this.records = records;
    this.reports = reports;
    this.files = files;
    this.systems = systems;
    this.lifecycle = lifecycle;
    this.messages = messages;
    this.clock = clock;
  }

  /** The report as it would go now, with everything the officer decides on. Only for access and portability. */
  @Transactional(readOnly = true)
  public Draft draft(String reference) {
    DataSubjectRequest request = reviewable(reference);
    List<StoredRecord> all = records.records(request.id());
    List<Passage> passages = records.passages(request.id());
    Map<Long, StoredRecord> byId = all.stream().collect(Collectors.toMap(StoredRecord::id, Function.identity()));
    Map<String, String> names = systems.systems().stream()
        .collect(Collectors.toMap(SystemDeclaration::id, SystemDeclaration::staffName));
    List<SystemReturn> returned = systems.systems().stream().map(s -> {
      List<StoredRecord> own = all.stream().filter(r -> r.system().equals(s.id())).toList();
      long flagged = passages.stream().filter(p -> p.flagged() && byId.get(p.recordId()).system().equals(s.id()))
          .count();
      return new SystemReturn(s.staffName(), s.accessMode().name().equals("MANUAL"),
          own.stream().filter(r -> !r.nameOnly()).count(), own.stream().filter(StoredRecord::nameOnly).count(),
          flagged);
    }).toList();
    List<PassageView> passageViews = passages.stream().map(p -> {
      StoredRecord r = byId.get(p.recordId());
      return new PassageView(p.id(), names.get(r.system()), r.table(), r.recordId(), p.column(), p.text(),
          p.namesFound(), p.redacted());
    }).toList();
    List<Candidate> candidates = all.stream().filter(StoredRecord::nameOnly)
        .map(r -> new Candidate(r.id(), names.get(r.system()), r.table(), r.recordId(), r.columns(), r.released()))
        .toList();
    AccessReport report = reports.build(request);
    return new Draft(request, report, files.html(report), returned, passageViews, candidates,
        report.notPortable().stream().map(ReportFiles::describe).toList(), records.review(request.id()));
  }

  /** The officer's decision, for the case file; empty before the review or for other rights. */
  @Transactional(readOnly = true)
  public Optional<Review> review(String reference) {
    return records.review(lifecycle.get(reference).id());
  }

  @Transactional(readOnly = true)
  public Summary summary(String reference) {
    DataSubjectRequest request = reviewable(reference);
    List<StoredRecord> all = records.records(request.id());
    List<Passage> passages = records.passages(request.id());
    return new Summary(all.stream().filter(r -> !r.nameOnly()).count(),
        all.stream().filter(StoredRecord::nameOnly).count(), passages.stream().filter(Passage::flagged).count(),
        passages.stream().filter(Passage::redacted).count());
  }

  /**
   * The officer's choice of passages to withhold and candidates to release; replaces the earlier one. Releasing a
   * candidate says "this is the subject" and needs a note saying why (F15): it is kept with each released record's
   * finding, and the candidates not released are recorded as rejected.
   */
  @Transactional
  public void saveChoices(String reference, Collection<Long> redacted, Collection<Long> released, String releaseNote,
      String officer) {
    DataSubjectRequest request = reviewable(reference);
    if (records.review(request.id()).isPresent()) {
      throw new IllegalStateException("The report of " + reference + " was decided already; it can no longer change.");
    }
    String note = releaseNote == null || releaseNote.isBlank() ? null : releaseNote.strip();
    if (!released.isEmpty() && note == null) {
      throw new InvalidRequestException(List.of(new Violation("releaseNote",
          "is required to release a record: say why it is the subject's (what matched, what you checked)")));
    }
    records.setRedacted(request.id(), List.copyOf(redacted));
    records.setReleasedNameOnly(request.id(), List.copyOf(released));
    Map<String, Long> candidateIds = discovery.candidates(reference).stream()
        .collect(Collectors.toMap(c -> c.system() + "/" + c.table() + "/" + c.recordId(), c -> c.id()));
    Map<Long, String> decisions = new HashMap<>();
    Map<Long, String> notes = new HashMap<>();
    for (StoredRecord record : records.records(request.id())) {
      Long candidate = candidateIds.get(record.system() + "/" + record.table() + "/" + record.recordId());
      if (candidate != null) {
        boolean release = released.contains(record.id());
        decisions.put(candidate, release ? RequestFindings.CONFIRMED : RequestFindings.REJECTED);
        if (release) {
          notes.put(candidate, note);
        }
      }
    }
    discovery.decideCandidates(reference, decisions, notes, officer);
  }

  /**
   * The officer's decision; it becomes the recorded answer, from which the letter is composed. A refusal in part
   * needs its reason (Art 12(4)). Answers whether there is anything to deliver.
   */
  @Transactional
  public boolean decide(String reference, String decision, String reason, String note, String officer) {
    List<Violation> bad = new ArrayList<>();
    if (!APPROVE.equals(decision) && !PARTIAL_REFUSAL.equals(decision)) {
      bad.add(new Violation("reviewDecision", "choose to approve or to refuse in part"));
    }
    if (PARTIAL_REFUSAL.equals(decision) && (reason == null || reason.isBlank())) {
      bad.add(new Violation("refusalReason",
          "is required for a refusal in part: give the reason and the rule (e.g. Art 15(4), DBL §22)"));
    }
    if (reason != null && reason.length() > MAX_TEXT) {
      bad.add(new Violation("refusalReason", "is too long (at most " + MAX_TEXT + " characters)"));
    }
    if (note != null && note.length() > MAX_TEXT) {
      bad.add(new Violation("reviewNote", "is too long (at most " + MAX_TEXT + " characters)"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    DataSubjectRequest request = reviewable(reference);
    Locale locale = request.language().locale();
    AccessReport report = reports.build(request);
    records.saveReview(request.id(), new Review(decision, blankToNull(reason), blankToNull(note), officer,
        clock.instant(), report.redactions()));
    String answerReason = PARTIAL_REFUSAL.equals(decision) ? reason.strip() : null;
    if (report.redactions() > 0) {
      String withheld = text("access.answer.redacted", locale, report.redactions());
      answerReason = answerReason == null ? withheld : answerReason + "\n" + withheld;
    }
    Outcome outcome = answerReason == null ? Outcome.FULFILLED : Outcome.PARTIALLY_REFUSED;
    lifecycle.recordAnswer(request, outcome.name(), actions(request, report, locale), answerReason, officer);
    lifecycle.recordStep(request, Step.REPORT_REVIEWED, officer, decision);
    if (!report.foundAnything()) {
      records.purge(request.id()); // nothing leaves: what was returned (name-only candidates) is not kept
    }
    return report.foundAnything();
  }

  /** What was done, for the letter, in the subject's language. */
  private String actions(DataSubjectRequest request, AccessReport report, Locale locale) {
    boolean portability = request.type() == RequestType.PORTABILITY;
    List<String> lines = new ArrayList<>();
    lines.add(text("access.answer.searched", locale, report.searchedSystems().size(),
        String.join("; ", report.searchedSystems())));
    if (report.foundAnything()) {
      String where = report.systems().stream().map(AccessReport.SystemPart::name).collect(Collectors.joining("; "));
      lines.add(text(portability ? "portability.answer.found" : "access.answer.found", locale, where));
    } else if (portability) {
      lines.add(text("portability.answer.none", locale));
    } else if (request.subject().reachableByEmail()) {
      lines.add(text("access.answer.none", locale, request.subject().email()));
    } else {
      lines.add(text("access.answer.none.byPost", locale));
    }
    if (portability && !report.notPortable().isEmpty()) {
      lines.add(text("portability.answer.notIncluded", locale));
      for (LeftOut left : report.notPortable()) {
        lines.add("- " + left.systemName() + " (" + left.categories() + "): " + String.join("; ", left.reasons()));
      }
    }
    if (!report.foundAnything() && !portability) {
      lines.add(text("access.answer.none.info", locale));
      lines.add(text("access.report.rights", locale));
      lines.add(text("access.report.transfers", locale) + " " + report.transfers());
      lines.add(text("access.report.automated", locale) + " " + report.automatedDecisions());
    }
    return String.join("\n", lines);
  }

  private DataSubjectRequest reviewable(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (request.type() != RequestType.ACCESS && request.type() != RequestType.PORTABILITY) {
      throw new IllegalArgumentException(reference + " is not an access or portability request");
    }
    return request;
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
