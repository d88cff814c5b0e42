package dk.mico.rightsdesk.oversight;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestStatus;
import dk.mico.rightsdesk.request.Requests;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' view of every open request: the deadline in force and the days left, extensions, pauses, overdue
 * requests, incidents, who holds the current task and why a request is stuck, most urgent first. Built from the
 * request records, the letters and the engine's work with one read per kind, whatever the number of requests.
 */
@Service
public class RequestDashboard {

  /** Most urgent first: the earliest deadline, then the one with incidents, then by reference. */
  private static final Comparator<DashboardRow> URGENCY = Comparator.comparing(DashboardRow::dueDate)
      .thenComparing(DashboardRow::openIncidents, Comparator.reverseOrder())
      .thenComparing(DashboardRow::reference);

  private static final Comparator<StuckReason> OLDEST_FIRST = Comparator.comparing(StuckReason::since)
      .thenComparing(StuckReason::kind);

  /**
   * The open requests on a given day, the ones the filter lets through, how many there are in all, and how many of
   * them are stuck (whatever the filter).
   */
  public record Dashboard(LocalDate today, int openRequests, List<DashboardRow> requests, int stuckRequests) {}

  private final Requests requests;
  private final RequestWork work;
  private final LateTelling lateTelling;
  private final UndeliveredLetters undeliveredLetters;
  private final LegalCalendar calendar;
  private final Clock clock;

  RequestDashboard(Requests requests, RequestWork work, LateTelling lateTelling,
      UndeliveredLetters undeliveredLetters, LegalCalendar calendar, Clock clock) {
    this.requests = requests;
    this.work = work;
    this.lateTelling = lateTelling;
    this.undeliveredLetters = undeliveredLetters;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Dashboard open(DashboardFilter filter) {
    LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
    Map<String, RequestWork.InProgress> inProgress = work.inProgress();
    Map<String, LateTelling.Flags> late = lateTelling.openRequests(today);
    Map<String, List<StuckReason>> letters = undeliveredLetters.byRequest();
    List<DataSubjectRequest> open = requests.list(true);
    Set<String> openReferences = open.stream().map(DataSubjectRequest::reference).collect(Collectors.toSet());
    // a closed request whose letter (its answer, often) has not gone is not done for the subject: it stays in view
    Stream<DataSubjectRequest> closedWithLetterWaiting = letters.keySet().stream()
        .filter(reference -> !openReferences.contains(reference))
        .map(requests::findByReference)
        .flatMap(Optional::stream);
    List<DashboardRow> all = Stream.concat(open.stream(), closedWithLetterWaiting)
        .map(request -> row(request, inProgress.get(request.reference()), lateTelling.of(late, request.reference()),
            letters.getOrDefault(request.reference(), List.of()), today))
        .toList();
    int stuck = (int) all.stream().filter(row -> !row.stuck().isEmpty()).count();
    return new Dashboard(today, open.size(), all.stream().filter(filter::accepts).sorted(URGENCY).toList(), stuck);
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
