package dk.mico.rightsdesk.system.security;

import dk.mico.rightsdesk.notification.StaffNotices;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells the administrators (the users of group camunda-admin) by e-mail that a user's logins keep failing, and logs
 * it. On a thread of its own: a login must neither wait for the SMTP server nor fail with it. A name that is no user
 * is logged without the name, since people type all sorts of things (their e-mail address) into a login form.
 */
@Component
class FailedLoginNotices {

  private static final Logger LOG = LoggerFactory.getLogger(FailedLoginNotices.class);
  /** Notices go out once per user and episode, so a short queue is plenty; beyond it they are dropped and logged. */
  private static final int QUEUE = 100;

  private final IdentityService identity;
  private final StaffNotices staff;
  private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(QUEUE), task -> {
        Thread thread = new Thread(task, "failed-login-notices");
        thread.setDaemon(true);
        return thread;
      });

  FailedLoginNotices(IdentityService identity, StaffNotices staff) {
    this.identity = identity;
    this.staff = staff;
  }

  /** Hands the notice to the sending thread and returns at once. */
  void tell(String userName, int failures, Instant since, Duration maxDelay) {
    try {
      sender.execute(() -> send(userName, failures, since, maxDelay));
    } catch (RejectedExecutionException e) {
      LOG.warn("{} failed logins for one user name, but {} notices wait already: this one is dropped", failures,
          QUEUE);
    }
  }

  /** Waits until the notices handed over so far are sent or given up (tests). */
  void awaitSent() {
    try {
      sender.submit(() -> { }).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  @PreDestroy
  void stop() {
    sender.shutdown();
  }

  private void send(String userName, int failures, Instant since, Duration maxDelay) {
    try {
      User user = identity.createUserQuery().userId(userName).singleResult();
      if (user == null) {
        LOG.warn("{} failed logins for a user name that is no user; logins with it are slowed down", failures);
        return;
      }
      List<String> admins = identity.createUserQuery().memberOfGroup(Groups.ADMIN).list().stream()
          .map(User::getEmail)
          .filter(email -> email != null && !email.isBlank())
          .toList();
      LOG.warn("{} failed logins for user '{}' since {}: its logins are slowed down (at most {} between attempts), "
          + "not locked; {} administrators told", failures, user.getId(), since, maxDelay, admins.size());
      staff.failedLogins(user.getId(), failures, since, maxDelay, admins);
    } catch (RuntimeException e) {
      // the mail library's messages may name addresses: the type says enough here
      LOG.warn("Could not tell the administrators of {} failed logins ({})", failures, e.getClass().getSimpleName());
    }
  }
}
