package dk.mico.rightsdesk.oversight;

import dk.mico.rightsdesk.request.RequestType;

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

  boolean accepts(DashboardRow row) {
    return (type == null || type.name().equals(row.type()))
        && (state == null || inState(row))
        && (dueWithinDays == null || row.calendarDaysLeft() <= dueWithinDays);
  }

  private boolean inState(DashboardRow row) {
    return switch (state) {
      case AWAITING_CONFIRMATION, IN_PROGRESS, PAUSED -> state.name().equals(row.status());
      case OVERDUE -> row.overdue();
      case EXTENDED -> row.extended();
      case INCIDENT -> row.openIncidents() > 0;
      case STUCK -> !row.stuck().isEmpty();
    };
  }
}
