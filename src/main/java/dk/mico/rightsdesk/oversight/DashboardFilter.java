package dk.mico.rightsdesk.oversight;

import dk.mico.rightsdesk.request.RequestType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a manager narrows the view to; null fields do not filter.
 *
 * @param type the right asked for
 * @param state a request status, or one of the states of the deadline watch ({@link State})
 * @param dueWithinDays requests due within this many calendar days from today (the overdue ones included)
 */
public record DashboardFilter(RequestType type, State state, Integer dueWithinDays) {

  /** The states a manager can pick: where the request stands, or what needs attention. */
  public enum State {
    AWAITING_CONFIRMATION,
    IN_PROGRESS,
    PAUSED,
    OVERDUE,
    EXTENDED,
    INCIDENT,
    STUCK
  }

  /** Whether the request is let through, given whether it has an open incident and whether it is stuck. */
  boolean accepts(RequestsInView.InView request, LocalDate today, boolean incident, boolean stuck) {
    return (type == null || type.name().equals(request.type()))
        && (state == null || inState(request, today, incident, stuck))
        && (dueWithinDays == null || ChronoUnit.DAYS.between(today, request.dueDate()) <= dueWithinDays);
  }

  private boolean inState(RequestsInView.InView request, LocalDate today, boolean incident, boolean stuck) {
    return switch (state) {
      case AWAITING_CONFIRMATION, IN_PROGRESS, PAUSED -> state.name().equals(request.status());
      case OVERDUE -> request.dueDate().isBefore(today);
      case EXTENDED -> request.extended();
      case INCIDENT -> incident;
      case STUCK -> stuck;
    };
  }
}
