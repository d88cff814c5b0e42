package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.oversight.DashboardFilter;
import dk.mico.rightsdesk.oversight.RequestDashboard;
import dk.mico.rightsdesk.request.RequestType;
import io.swagger.v3.oas.annotations.Operation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The data of the managers' view in Cockpit: the open requests' deadlines and state, a page at a time, no personal
 * data. Cockpit's session is enough to read it (the dashboard page runs inside Cockpit).
 */
@RestController
class DashboardApiController {

  /** The most rows one call reads: a page for a person, not an export (the CSV is that). */
  private static final int MAX_LIMIT = 1000;

  private final RequestDashboard dashboard;

  DashboardApiController(RequestDashboard dashboard) {
    this.dashboard = dashboard;
  }

  @Operation(summary = "Every open request with its deadline in force, days left, extension, pause, overdue flag,"
      + " incidents, who holds the current task and why a request is stuck (incident, failing step, task past its due"
      + " date, letter not delivered), most urgent first; no personal data. Filters: type (the right),"
      + " state (AWAITING_CONFIRMATION, IN_PROGRESS, PAUSED, OVERDUE, EXTENDED, INCIDENT, STUCK), dueWithinDays."
      + " A page at a time: offset (default 0) and limit (default 100, at most 1000); matchingRequests counts the"
      + " requests the filters let through, openRequests and stuckRequests all of them.")
  @GetMapping("/api/officer/dashboard")
  RequestDashboard.Dashboard dashboard(@RequestParam(required = false) String type,
      @RequestParam(required = false) String state, @RequestParam(required = false) String dueWithinDays,
      @RequestParam(required = false) String offset, @RequestParam(required = false) String limit) {
    List<FieldError> bad = new ArrayList<>();
    RequestType right = parse(RequestType.class, "type", type, bad);
    DashboardFilter.State inState = parse(DashboardFilter.State.class, "state", state, bad);
    Integer within = number("dueWithinDays", dueWithinDays, Integer.MIN_VALUE, "must be a whole number of days", bad);
    Integer from = number("offset", offset, 0, "must be a whole number, 0 or more", bad);
    Integer size = number("limit", limit, 1, "must be a whole number from 1 to " + MAX_LIMIT, bad);
    if (size != null && size > MAX_LIMIT) {
      bad.add(new FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
    }
    if (!bad.isEmpty()) {
      throw new InvalidInputException(bad);
    }
    return dashboard.open(new DashboardFilter(right, inState, within), from == null ? 0 : from,
        size == null ? RequestDashboard.DEFAULT_LIMIT : size);
  }

  private static Integer number(String field, String value, int least, String rule, List<FieldError> bad) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number >= least) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below, as a number out of range is
    }
    bad.add(new FieldError(field, rule));
    return null;
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<FieldError> bad) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      bad.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }
}
