package dk.mico.rightsdesk.oversight;

import java.time.Instant;

/**
 * Why a request cannot move on by itself, for the managers: what holds it, since when, and at which step (the step's
 * or task's name in the model, or the letter's kind). Never anything about the person.
 *
 * @param kind what holds the request
 * @param since when it began: the incident, the failing step's job, the task's due date, the letter's composition
 * @param step where it holds: the model's step or task name, or the kind of letter
 */
public record StuckReason(Kind kind, Instant since, String step) {

  /** What holds a request. */
  public enum Kind {
    /** A step failed every retry and waits for someone to retry it in Cockpit. */
    INCIDENT,
    /** A step failed at least once and is waiting to be retried. */
    FAILING_JOB,
    /** A person's task is past its due date. */
    OVERDUE_TASK,
    /** An e-mail letter has waited too long to be delivered. */
    UNDELIVERED_LETTER
  }
}
