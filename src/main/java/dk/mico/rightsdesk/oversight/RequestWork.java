package dk.mico.rightsdesk.oversight;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the workflow engine is doing for the open requests: their process, open incidents, current tasks and what
 * keeps them from moving on.
 * Implemented where the engine is wired, with a query per kind of thing, never one per request: what needs attention
 * is read for all requests (the managers' counts and filters), the rest only for the requests on a page, so the view
 * stays quick with 100,000 open requests.
 */
public interface RequestWork {

  /** The open incidents and the stuck requests among all running request processes. */
  Attention attention();

  /**
   * The work in progress of the running processes of the given requests (at most 1,000), by request reference; their
   * incidents and failing steps are taken from {@code attention}, not read again.
   */
  Map<String, InProgress> inProgress(Collection<String> references, Attention attention);

  /**
   * What needs someone, by request reference: open incidents (requests without one are not in the map), the requests
   * that are stuck (an incident, a step failing and retrying, a task past its due date by the engine's clock), and
   * the incidents and failing steps as reasons (requests without one are not in the map).
   */
  record Attention(Map<String, Integer> openIncidents, Set<String> stuck, Map<String, List<StuckReason>> failures) {}

  /**
   * A request's running process: its id (for a link to Cockpit), incidents that need someone, tasks that wait, and
   * why it is stuck (incidents, steps failing and retrying, tasks past their due date by the engine's clock).
   */
  record InProgress(String processInstanceId, int openIncidents, List<WaitingTask> tasks, List<StuckReason> stuck) {}

  /** A task waiting for a person: its name and who holds it (a user, or the candidate groups while unclaimed). */
  record WaitingTask(String name, String assignee, List<String> candidateGroups) {

    String heldBy() {
      return assignee != null ? assignee : String.join(", ", candidateGroups);
    }
  }
}
