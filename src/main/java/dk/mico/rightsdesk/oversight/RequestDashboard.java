package dk.mico.rightsdesk.oversight;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestStatus;
import dk.mico.rightsdesk.request.Requests;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' view of the open requests: the deadline in force and the days left, extensions, pauses, overdue
 * requests, incidents, who holds the current task and why a request is stuck, most urgent first, a page at a time.
 * The order, the filters and the counts come from one narrow read of every request in view and what needs attention
 * in the engine and the outbox; the rest of a row (the record, the engine's tasks, the late flags) is read only for
 * the rows on the page, with one read per kind, whatever the number of requests.
 */
@Service
public class RequestDashboard {

  /** Rows on a page when the caller names no limit: a manager reads the most urgent first, not 100,000 rows. */
  public static final int DEFAULT_LIMIT = 100;

  /** The most details read in one statement (an IN list per kind). */
  private static final int CHUNK = 1000;

  private static final Comparator<StuckReason> OLDEST_FIRST = Comparator.comparing(StuckReason::since)
      .thenComparing(StuckReason::kind);

  /**
   * The open requests on a given day: how many there are in all, the page of the ones the filter lets through (from
   * {@code offset}, most urgent first), how many the filter lets through in all ({@code matchingRequests}), and how
   * many of them are stuck (whatever the filter).
   */
  public record Dashboard(LocalDate today, int openRequests, List<DashboardRow> requests, int stuckRequests,
      int matchingRequests, int offset) {}

  private final Requests requests;
  private final RequestsInView inView;
  private final RequestWork work;
  private final LateTelling lateTelling;
  private final UndeliveredLetters undeliveredLetters;
  private final LegalCalendar calendar;
  private final Clock clock;

  RequestDashboard(Requests requests, RequestsInView inView, RequestWork work, LateTelling lateTelling,
      UndeliveredLetters undeliveredLetters, LegalCalendar calendar, Clock clock) {
    this.requests = requests;
    this.inView = inView;
    this.work = work;
    this.lateTelling = lateTelling;
    this.undeliveredLetters = undeliveredLetters;
    this.calendar = calendar;
    this.clock = clock;
  }

  /** Every request the filter lets through, on one page. */
  @Transactional(readOnly = true)
  public Dashboard open(DashboardFilter filter) {
    return open(filter, 0, Integer.MAX_VALUE);
  }

  /** The page of at most {@code limit} requests the filter lets through, from the {@code offset}-th on. */
  @Transactional(readOnly = true)
  public Dashboard open(DashboardFilter filter, int offset, int limit) {
    LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
    RequestWork.Attention attention = work.attention();
    Map<String, List<StuckReason>> letters = undeliveredLetters.byRequest();
    // a closed request whose letter (its answer, often) has not gone is not done for the subject: it stays in view
    List<RequestsInView.InView> all = inView.openAnd(letters.keySet());
    int open = (int) all.stream().filter(request -> !RequestStatus.CLOSED.name().equals(request.status())).count();
    Predicate<String> stuck = reference -> attention.stuck().contains(reference) || letters.containsKey(reference);
    int stuckRequests = (int) all.stream().map(RequestsInView.InView::reference).filter(stuck).count();
    // most urgent first: the earliest deadline, then the one with incidents, then by reference
    List<RequestsInView.InView> matching = all.stream()
        .filter(request -> filter.accepts(request, today,
            attention.openIncidents().containsKey(request.reference()), stuck.test(request.reference())))
        .sorted(Comparator.comparing(RequestsInView.InView::dueDate)
            .thenComparing(request -> attention.openIncidents().getOrDefault(request.reference(), 0),
                Comparator.reverseOrder())
            .thenComparing(RequestsInView.InView::reference))
        .toList();
    List<String> page = matching.stream().skip(offset).limit(limit).map(RequestsInView.InView::reference).toList();
    List<DashboardRow> rows = new ArrayList<>(page.size());
    for (int first = 0; first < page.size(); first += CHUNK) {
      rows.addAll(rows(page.subList(first, Math.min(page.size(), first + CHUNK)), attention, letters, today));
    }
    return new Dashboard(today, open, rows, stuckRequests, matching.size(), offset);
  }

  /** The rows of these requests, in this order. */
  private List<DashboardRow> rows(List<String> references, RequestWork.Attention attention,
      Map<String, List<StuckReason>> letters, LocalDate today) {
    Map<String, DataSubjectRequest> records = requests.findByReferences(references).stream()
        .collect(Collectors.toMap(DataSubjectRequest::reference, Function.identity()));
    Map<String, RequestWork.InProgress> inProgress = work.inProgress(references, attention);
    Map<String, LateTelling.Flags> late = lateTelling.openRequests(today, references);
    return references.stream().map(records::get).filter(Objects::nonNull)
        .map(request -> row(request, inProgress.get(request.reference()), lateTelling.of(late, request.reference()),
            letters.getOrDefault(request.reference(), List.of()), today))
        .toList();
  }

  private DashboardRow row(DataSubjectRequest request, RequestWork.InProgress process, LateTelling.Flags late,
      List<StuckReason> undelivered, LocalDate today) {
    LocalDate due = request.dueDate();
    List<RequestWork.WaitingTask> tasks = process == null ? List.of() : process.tasks();
    return new DashboardRow(
        request.reference(),
        request.type().name(),
        request.channel().name(),
        request.status().name(),
        request.receivedAt().atZone(calendar.zone()).toOffsetDateTime(),
        due,
        calendar.workingDaysBetween(today, due),
        ChronoUnit.DAYS.between(today, due),
        request.extended(),
        request.status() == RequestStatus.PAUSED,
        request.pausedDays(),
        // the deadline runs to the end of its day in Copenhagen: overdue from the day after
        due.isBefore(today),
        process == null ? 0 : process.openIncidents(),
        tasks.isEmpty() ? null : tasks.stream().map(RequestWork.WaitingTask::name).collect(Collectors.joining("; ")),
        tasks.isEmpty() ? null
            : tasks.stream().map(RequestWork.WaitingTask::heldBy).distinct().collect(Collectors.joining("; ")),
        process == null ? null : process.processInstanceId(),
        late.registeredAfterDeadline(),
        late.extensionLetterLate(),
        Stream.concat(process == null ? Stream.of() : process.stuck().stream(), undelivered.stream())
            .sorted(OLDEST_FIRST).toList());
  }
}
