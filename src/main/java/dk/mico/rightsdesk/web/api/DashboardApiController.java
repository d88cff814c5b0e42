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
 * The data of the managers' view in Cockpit: every open request's deadlines and state, no personal data. Cockpit's
 * session is enough to read it (the dashboard page runs inside Cockpit).
 */
@RestController
class DashboardApiController {

  private final RequestDashboard dashboard;

  DashboardApiController(RequestDashboard dashboard) {
    this.dashboard = dashboard;
  }

  @Operation(summary = "Every open request with its deadline in force, days left, extension, pause, overdue flag,"
      + " incidents, who holds the current task and why a request is stuck (incident, failing step, task past its due"
      + " date, letter not delivered), most urgent first; no personal data. Filters: type (the right),"
      + " state (AWAITING_CONFIRMATION, IN_PROGRESS, PAUSED, OVERDUE, EXTENDED, INCIDENT, STUCK), dueWithinDays.")
  @GetMapping("/api/officer/dashboard")
  RequestDashboard.Dashboard dashboard(@RequestParam(required = false) String type,
      @RequestParam(required = false) String state, @RequestParam(required = false) String dueWithinDays) {
    List<FieldError> bad = new ArrayList<>();
    RequestType right = parse(RequestType.class, "type", type, bad);
    DashboardFilter.State inState = parse(DashboardFilter.State.class, "state", state, bad);
    Integer within = null;
    if (dueWithinDays != null && !dueWithinDays.isBlank()) {
      try {
        within = Integer.valueOf(dueWithinDays.strip());
      } catch (NumberFormatException e) {
        bad.add(new FieldError("dueWithinDays", "must be a whole number of days"));
      }
    }
    if (!bad.isEmpty()) {
      throw new InvalidInputException(bad);
    }
    return dashboard.open(new DashboardFilter(right, inState, within));
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
