package dk.mico.rightsdesk.oversight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One open request on the managers' view: deadlines and state, never anything about the person. Days left count
 * from today in the controller's time zone to the due date in force: 0 means due today, negative means overdue by
 * that many days.
 */
public record DashboardRow(
    String reference,
    String type,
    String channel,
    String status,
    OffsetDateTime receivedAt,
    LocalDate dueDate,
    int workingDaysLeft,
    long calendarDaysLeft,
    boolean extended,
    boolean paused,
    int pausedDays,
    boolean overdue,
    int openIncidents,
    String currentTask,
    String heldBy,
    String processInstanceId,
    /** Registered when the legal deadline had already passed (a letter found late). */
    boolean registeredAfterDeadline,
    /** The extension letter left after the first month, or has not left and the first month is over (F10). */
    boolean extensionLetterLate,
    /** Why the request cannot move on by itself, oldest first; empty when nothing holds it. */
    List<StuckReason> stuck) {}
