package dk.mico.rightsdesk.notification;

import dk.mico.rightsdesk.deadline.DeadlineWatch;
import dk.mico.rightsdesk.deadline.DeadlineWatchProperties;
import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.oversight.DashboardFilter;
import dk.mico.rightsdesk.oversight.DashboardRow;
import dk.mico.rightsdesk.oversight.RequestDashboard;
import dk.mico.rightsdesk.oversight.StuckReason;
import dk.mico.rightsdesk.request.CustomerControllers;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.request.Subject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mails to the GDPR officers and to management about a request's deadline, management's daily list of stuck
 * requests, the forwarding notice to a customer who is the controller, and the administrators' notice of a user's
 * failed logins. Staff notices name the reference, the right and the dates only, never the subject: they travel
 * through ordinary mailboxes. Each notice goes out once per key (staff_notice), so a job that runs again sends
 * nothing new, and a deadline that moves gets its reminders anew.
 */
@Service
public class StaffNotices {

  /** What the watch tells, and to whom. */
  public enum Notice {
    OFFICER_REMINDER, FINAL_WARNING, OVERDUE
  }

  private final JdbcClient jdbc;
  private final Outbox outbox;
  private final RequestLifecycle lifecycle;
  private final RequestMarks marks;
  private final CustomerControllers customers;
  private final DeadlineWatchProperties properties;
  private final DeadlineWatch watch;
  private final LegalCalendar calendar;
  private final ControllerProperties controller;
  private final PublicUrl publicUrl;
  private final MessageSource messages;
  private final RequestDashboard dashboard;
  private final Clock clock;

  StaffNotices(JdbcClient jdbc, Outbox outbox, RequestLifecycle lifecycle, RequestMarks marks,
      CustomerControllers customers, DeadlineWatchProperties properties, DeadlineWatch watch, LegalCalendar calendar,
      ControllerProperties controller, PublicUrl publicUrl, MessageSource messages, RequestDashboard dashboard,
      Clock clock) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.lifecycle = lifecycle;
    this.marks = marks;
    this.customers = customers;
    this.properties = properties;
    this.watch = watch;
    this.calendar = calendar;
    this.controller = controller;
    this.publicUrl = publicUrl;
    this.messages = messages;
    this.dashboard = dashboard;
    this.clock = clock;
  }

  /** Sends the watch's notice for the request's deadline in force, unless it went out already for that deadline. */
  @Transactional
  public void send(String reference, Notice notice) {
    DataSubjectRequest request = lifecycle.get(reference);
    Instant now = clock.instant();
    LocalDate due = request.dueDate();
    if (notice != Notice.OVERDUE && !now.isBefore(calendar.endOfDay(due))) {
      return; // a reminder that comes after the deadline has nothing to remind of: the overdue notice says it
    }
    String key = reference + "/" + notice + "/" + due
        // overdue: one notice per day while it stays so
        + (notice == Notice.OVERDUE ? "/" + calendar.receiptDate(now) : "");
    String right = request.type().label(request.objectionScope());
    int left = watch.workingDaysLeft(due, now);
    String facts = "Reference: " + reference + "\nRight: " + right + "\nReceived: "
        + calendar.receiptDate(request.receivedAt()) + "\nDeadline in force: " + due
        + (request.extended() ? " (extended)" : "") + "\n";
    String tasklist = publicUrl.base() + "/camunda/app/tasklist/";
    String cockpit = publicUrl.base() + "/camunda/app/cockpit/";
    switch (notice) {
      case OFFICER_REMINDER -> deliver(request.id(), key + "/officer", properties.officerAddress(),
          reference + ": " + left + " working days left",
          facts + "\nThe answer is due in " + left + " working days. Open the request's tasks in Tasklist: "
              + tasklist + "\nIf the request needs more time, extend it while the first month runs (Art 12(3)).\n");
      case FINAL_WARNING -> {
        deliver(request.id(), key + "/officer", properties.officerAddress(), reference + ": due in " + left
            + " working days",
            facts + "\nThe answer is due in " + left + " working days. Tasklist: " + tasklist + "\n");
        deliver(request.id(), key + "/management", properties.managementAddress(), "At risk: " + reference
            + " is due in " + left + " working days", facts + "\nThe answer is due in " + left
            + " working days and is not sent yet. Cockpit: " + cockpit + "\n");
      }
      case OVERDUE -> deliver(request.id(), key + "/management", properties.managementAddress(),
          "OVERDUE: " + reference + " passed its deadline " + due,
          facts + "\nThe legal deadline passed at the end of " + due + " and the request is still open (overdue "
              + "since " + marks.of(request.id()).overdueSince() + "). You are told every working day until it is "
              + "answered. Cockpit: " + cockpit + "\n");
    }
  }

  /**
   * Tells management once a day which open requests cannot move on by themselves, and why: reference, right, due
   * date, and per reason its kind, step and since when (no names or addresses). It runs every few minutes and sends
   * from the notice time of an office day on, once that day for all nodes (its key), and only when a request is
   * stuck; a mail server that refuses it leaves it for the next run.
   */
  @Scheduled(cron = "${rightsdesk.deadlines.stuck-notice-schedule:0 */10 * * * *}", zone = "Europe/Copenhagen")
  @Transactional
  public void stuckRequests() {
    Instant now = clock.instant();
    if (!watch.dailyNoticeDue(now)) {
      return;
    }
    List<DashboardRow> stuck = dashboard.open(new DashboardFilter(null, DashboardFilter.State.STUCK, null))
        .requests();
    if (stuck.isEmpty()) {
      return;
    }
    StringBuilder body = new StringBuilder().append(stuck.size())
        .append(stuck.size() == 1 ? " request cannot" : " requests cannot").append(" move on as of ")
        .append(localTime(now)).append(" (Copenhagen time).\n");
    for (DashboardRow row : stuck) {
      body.append("\n").append(row.reference()).append(" (").append(row.type()).append(", deadline in force ")
          .append(Wording.date(row.dueDate(), Locale.ENGLISH)).append(")\n");
      row.stuck().forEach(reason -> body.append("  - ").append(describe(reason)).append('\n'));
    }
    body.append("\nAn incident or a failing step: open the request in Cockpit and retry it once the cause is fixed. ")
        .append("A task past its due date: ask its holder. A letter not delivered: check the mail server. ")
        .append("The requests page in Cockpit shows them under the state STUCK: ")
        .append(publicUrl.base()).append("/camunda/app/cockpit/default/#/rights-requests\n");
    deliver(null, "stuck-requests/" + calendar.receiptDate(now), properties.managementAddress(),
        "Stuck: " + stuck.size() + (stuck.size() == 1 ? " request cannot" : " requests cannot") + " move on",
        body.toString());
  }

  private String describe(StuckReason reason) {
    String since = localTime(reason.since());
    return switch (reason.kind()) {
      case INCIDENT -> "incident at \"" + reason.step() + "\" since " + since + ": every retry failed";
      case FAILING_JOB -> "failing step \"" + reason.step() + "\", retrying, waiting since " + since;
      case OVERDUE_TASK -> "task past its due date: \"" + reason.step() + "\", due " + since;
      case UNDELIVERED_LETTER -> "letter not delivered: the "
          + reason.step().toLowerCase(Locale.ROOT).replace('_', ' ') + ", composed " + since;
    };
  }

  private String localTime(Instant instant) {
    return Wording.dateTime(instant.atZone(calendar.zone()), Locale.ENGLISH);
  }

  /**
   * Forwards the request to the customer who is the controller, with what the data processing agreement requires
   * (Art 28(3)(e)): the request as received and the subject's contact data, so that the controller can answer. The
   * notice is in the customer's language (Danish unless its configuration says otherwise).
   */
  @Transactional
  public void forwardToController(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    CustomerControllers.Customer customer = customers.find(marks.of(request.id()).forwardedTo()).orElseThrow();
    Locale locale = Locale.forLanguageTag(customer.language());
    Subject subject = request.subject();
    StringBuilder body = new StringBuilder()
        .append(text("forwarding.notice.body", locale, customer.name(), controller.name(), customer.agreement(),
            controller.gdprEmail(), reference)).append("\n\n")
        .append(text("forwarding.notice.facts", locale, reference, rightOf(request, locale),
            Wording.dateTime(request.receivedAt().atZone(calendar.zone()), locale),
            text("forwarding.notice.channel." + request.channel(), locale), Wording.date(request.dueDate(), locale)))
        .append("\n\n").append(text("forwarding.notice.name", locale, subject.name())).append('\n');
    appendIfGiven(body, "forwarding.notice.email", subject.email(), locale);
    appendIfGiven(body, "forwarding.notice.phone", subject.phone(), locale);
    appendIfGiven(body, "forwarding.notice.address", subject.postalAddress(), locale);
    if (request.representative() != null) {
      body.append(text(request.representative().mandateChecked() ? "forwarding.notice.representative.checked"
          : "forwarding.notice.representative", locale, request.representative().name())).append('\n');
    }
    body.append(text("forwarding.notice.identityVerified", locale, request.identityVerified() ? 1 : 0))
        .append("\n\n")
        .append(text("forwarding.notice.details", locale, request.details() == null
            ? text("forwarding.notice.noDetails", locale) : request.details())).append("\n\n")
        .append(controller.name()).append('\n').append(controller.address()).append('\n')
        .append(controller.gdprEmail()).append('\n');
    deliver(request.id(), reference + "/FORWARDED/" + customer.id(), customer.privacyEmail(),
        text("forwarding.notice.subject", locale, reference), body.toString());
  }

  private String rightOf(DataSubjectRequest request, Locale locale) {
    String right = text("right.short." + request.type(), locale);
    return request.objectionScope() == null ? right
        : right + ", " + text("forwarding.notice.scope." + request.objectionScope(), locale);
  }

  private void appendIfGiven(StringBuilder body, String key, String value, Locale locale) {
    if (value != null) {
      body.append(text(key, locale, value)).append('\n');
    }
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /**
   * Tells the administrators that a user's logins keep failing: someone may be guessing the password. The login
   * throttle sends it once per episode (until the user logs in again), so it needs no key of its own here.
   */
  public void failedLogins(String userId, int failures, Instant since, Duration maxDelay, List<String> admins) {
    ZonedDateTime local = since.atZone(calendar.zone());
    String sinceText = Wording.dateTime(local, Locale.ENGLISH);
    String cap = maxDelay.toSeconds() % 60 == 0 ? maxDelay.toMinutes() + " minutes"
        : maxDelay.toSeconds() + " seconds";
    String body = failures + " failed logins for user " + userId + " since " + sinceText + " (Copenhagen time)"
        + ", through Tasklist, Cockpit, Admin or the API.\n\n"
        + "Rights Desk slows further logins for this user and from each client address down: after a few failures "
        + "every attempt waits, the wait doubling up to " + cap + ". The account is not locked: the right password "
        + "works once the wait has passed, and at once from an address where the user logged in recently.\n\n"
        + "If " + userId + " did not make these attempts, someone may be guessing the password. In Camunda Admin ("
        + publicUrl.base() + "/camunda/app/admin/) you can give the user a new password, or take the user "
        + "out of its groups until it is cleared up.\n\n"
        + "You are told once, until " + userId + " logs in again.\n";
    for (int i = 0; i < admins.size(); i++) {
      outbox.queue("failed-logins/" + userId + "/" + since.toEpochMilli() + "/" + i, null, admins.get(i),
          "Failed logins for user " + userId, body, clock.instant());
    }
  }

  /**
   * Sends once per key: a job that runs again finds the notice and sends nothing; two nodes at once collide on the
   * key's unique index, and the loser's job is retried and then finds it.
   */
  private void deliver(Long requestId, String key, String to, String subjectLine, String body) {
    boolean sent = jdbc.sql("SELECT COUNT(*) FROM staff_notice WHERE notice_key = ?").param(key)
        .query(Integer.class).single() > 0;
    if (sent) {
      return;
    }
    jdbc.sql("INSERT INTO staff_notice (request_id, notice_key, recipient, sent_at) VALUES (?, ?, ?, ?)")
        .params(requestId, key, to, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
    outbox.queue(key, null, to, subjectLine, body, clock.instant());
  }
}
