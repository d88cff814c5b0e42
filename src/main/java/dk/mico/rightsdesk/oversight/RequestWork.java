package dk.mico.rightsdesk.oversight;

import java.util.List;
import java.util.Map;

/**
 * What the workflow engine is doing for the open requests: their process, open incidents, current tasks and what
 * keeps them from moving on.
 * Implemented where the engine is wired; it reads all requests at once (a query per kind of thing, never one per
 * request), so the managers' view stays quick with a thousand open requests.
 */
public interface RequestWork {

  /** The work in progress of every running request process, by request reference. */
  Map<String, InProgress> inProgress();

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
