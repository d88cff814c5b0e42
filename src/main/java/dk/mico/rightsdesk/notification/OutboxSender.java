package dk.mico.rightsdesk.notification;

import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox on every node: each mail is held by one sender while it goes to the SMTP server (a batch of
 * them over one connection), is removed once the server has taken it, and after a failure waits a short, growing
 * time (capped at a few minutes) for the next try. A mail that has failed for {@code incident-after} raises an alarm
 * in Cockpit, which clears when it goes.
 *
 * <p>SMTP cannot be exactly-once: a node that dies after the server took a mail and before the removal committed
 * leaves the mail to be sent again when its hold runs out; the copy is the same letter (same text, same working
 * link, same Message-ID), which a receiver can drop.
 */
@Component
public class OutboxSender implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final Outbox outbox;
  private final MailGateway gateway;
  private final LetterArchive archive;
  private final RequestLifecycle lifecycle;
  private final UndeliveredMailAlarm alarm;
  private final OutboxProperties properties;
  private final TransactionTemplate transaction;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  /** Delivers right after a queuing commits; a wake-up asked for while one waits to run adds nothing. */
  private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "outbox-wake-up");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean wakeUpWaiting = new AtomicBoolean();

  OutboxSender(Outbox outbox, MailGateway gateway, LetterArchive archive, RequestLifecycle lifecycle,
      UndeliveredMailAlarm alarm, OutboxProperties properties, TransactionTemplate transaction,
      ApplicationEventPublisher events, Clock clock) {
    this.outbox = outbox;
    this.gateway = gateway;
    this.archive = archive;
    this.lifecycle = lifecycle;
    this.alarm = alarm;
    this.properties = properties;
    this.transaction = transaction;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (polling()) {
      registrar.addFixedDelayTask(this::deliverDueQuietly, properties.pollInterval());
    }
  }

  /**
   * A letter need not wait up to a poll interval: the node that queued it tries it as soon as its step has committed.
   * The poll stays, for mails queued on other nodes, retries, and a wake-up lost to a crash. Off with the poll (the
   * tests deliver by hand).
   */
  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
  void deliverSoon(Outbox.MailQueued queued) {
    if (polling() && wakeUpWaiting.compareAndSet(false, true)) {
      wakeUps.execute(() -> {
        wakeUpWaiting.set(false);
        deliverDueQuietly();
      });
    }
  }

  @PreDestroy
  void stopWakingUp() {
    wakeUps.shutdownNow();
  }

  private boolean polling() {
    return !properties.pollInterval().isZero() && !properties.pollInterval().isNegative();
  }

  /**
   * Tries every mail that is due now, batch after batch while whole batches go; answers how many went. A batch goes
   * over one connection to the SMTP server, in the order the mails were queued, and stops at its first failure: the
   * failed mail waits for its retry, and the ones after it, untouched, for the next round.
   */
  public int deliverDue() {
    int delivered = 0;
    int sent;
    do {
      sent = deliverBatch();
      delivered += sent;
    } while (sent == properties.batchSize());
    return delivered;
  }

  private int deliverBatch() {
    Instant takenAt = clock.instant();
    // the name of this round on the mails it holds: new for each, so that two rounds at once on one node (the poll
    // and a wake-up) never take the same mail
    String holder = "sender-" + UUID.randomUUID();
    List<Outbox.QueuedMail> mails = take(holder, takenAt);
    if (mails.isEmpty()) {
      return 0;
    }
    MailGateway.Connection connection;
    try {
      connection = gateway.connect();
    } catch (MailException e) {
      // none could go: each has failed, as it would have over a connection of its own
      mails.forEach(mail -> transaction.executeWithoutResult(status -> failed(mail, holder, e)));
      return 0;
    }
    // the hold is more than twice what the mail client's timeouts allow one send, so a send started in its first
    // half ends inside it even if the server stops answering: no mail is still being sent when another node may
    // take it
    Instant lastStart = takenAt.plus(properties.claimFor().dividedBy(2));
    int tried = 0;
    int sent = 0;
    try (connection) {
      for (Outbox.QueuedMail mail : mails) {
        if (clock.instant().isAfter(lastStart)) {
          break;
        }
        tried++;
        if (!deliver(connection, mail, holder)) {
          break;
        }
        sent++;
      }
      List<Long> untried = mails.subList(tried, mails.size()).stream().map(Outbox.QueuedMail::id).toList();
      if (!untried.isEmpty()) {
        outbox.release(untried, holder);
      }
    }
    return sent;
  }

  /** Takes up to a batch of the mails due now, held until the same moment. */
  private List<Outbox.QueuedMail> take(String holder, Instant now) {
    return outbox.claim(outbox.due(now, properties.batchSize()), holder, now, now.plus(properties.claimFor()));
  }

  /** Sends one mail and records the outcome as soon as it is known; answers whether the server took it. */
  private boolean deliver(MailGateway.Connection connection, Outbox.QueuedMail mail, String holder) {
    try {
      connection.send(mail.key(), mail.to(), mail.subjectLine(), mail.body());
    } catch (MailException e) {
      transaction.executeWithoutResult(status -> failed(mail, holder, e));
      return false;
    }
    transaction.executeWithoutResult(status -> delivered(mail, holder));
    return true;
  }

  private void delivered(Outbox.QueuedMail mail, String holder) {
    if (!outbox.remove(mail.id(), holder)) {
      // held past its claim (a stalled node) and taken over: the other sender records it
      log.warn("Mail {} was delivered after its hold ran out; another node may send it again", mail.key());
      return;
    }
    if (mail.alarmHandle() != null) {
      alarm.clear(mail.alarmHandle());
    }
    if (mail.letterId() != null) {
      Letter letter = archive.findById(mail.letterId()).orElseThrow();
      archive.markState(letter.id(), Letter.State.SENT, clock.instant(), null);
      lifecycle.recordStep(lifecycle.get(letter.reference()), Step.LETTER_SENT, null, letter.kind().name());
      events.publishEvent(new LetterSent(letter.reference(), letter.kind()));
    }
  }

  private void failed(Outbox.QueuedMail mail, String holder, MailException e) {
    Instant now = clock.instant();
    int failures = mail.attempts() + 1;
    Duration wait = jittered(properties.retryAfter(failures));
    String failure = e.getClass().getSimpleName();
    outbox.failed(mail.id(), holder, failure, now, now.plus(wait));
    Instant failingSince = mail.firstFailedAt() == null ? now : mail.firstFailedAt();
    if (mail.alarmHandle() == null && !failingSince.plus(properties.incidentAfter()).isAfter(now)) {
      String businessKey = mail.letterId() == null ? mail.key()
          : archive.findById(mail.letterId()).orElseThrow().reference();
      outbox.alarmRaised(mail.id(), alarm.raise(businessKey, mail.key(), failure, failingSince));
    }
    // the key names the request and the letter kind, never the person
    log.info("Mail {} not delivered (try {}, {}); next try in {} s", mail.key(), failures, failure,
        wait.toSeconds());
  }

  private static Duration jittered(Duration wait) {
    double factor = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.round(wait.toMillis() * factor));
  }

  private void deliverDueQuietly() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      // the database is away or the like: the mail stays queued, and the next round tries again
      log.warn("Could not deliver the outbox: {}", e.getClass().getSimpleName());
    }
  }
}
