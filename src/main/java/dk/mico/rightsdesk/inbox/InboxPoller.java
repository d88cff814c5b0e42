package dk.mico.rightsdesk.inbox;

import dk.mico.rightsdesk.notification.ControllerProperties;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Reads the GDPR mailbox every poll interval and turns each new e-mail into a stored row and an officer task. The
 * message is flagged handled in the mailbox only by the e-mail's process, after row and task are committed; until
 * then every poll sees it again and recognises it by its key, so nothing is lost and nothing doubled. Logs say how
 * many, never who or what.
 */
@Component
public class InboxPoller implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(InboxPoller.class);

  private final GdprMailbox mailbox;
  private final EmailParser parser;
  private final Inbox inbox;
  private final InboxProperties properties;
  private final ControllerProperties controller;

  InboxPoller(GdprMailbox mailbox, EmailParser parser, Inbox inbox, InboxProperties properties,
      ControllerProperties controller) {
    this.mailbox = mailbox;
    this.parser = parser;
    this.inbox = inbox;
    this.properties = properties;
    this.controller = controller;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (properties.enabled() && !properties.pollInterval().isZero() && !properties.pollInterval().isNegative()) {
      registrar.addFixedDelayTask(this::pollQuietly, properties.pollInterval());
    }
  }

  /** Reads the mailbox once; returns how many e-mails were stored. */
  public synchronized int poll() throws MessagingException {
    if (!mailbox.enabled()) {
      return 0;
    }
    int[] stored = {0};
    int[] failed = {0};
    mailbox.readUnhandled(entry -> {
      try {
        String key = EmailParser.messageKey(entry.message());
        if (inbox.isKnown(key)) {
          return; // stored before; its process flags it
        }
        if (sentByRightsDesk(entry.message().getFrom())) {
          mailbox.flagHandled(entry.message()); // our own notices to the officers' address are no requests
          return;
        }
        inbox.receive(parser.parse(entry.message(), key, entry.uid(), entry.uidValidity()));
        stored[0]++;
      } catch (MessagingException | RuntimeException e) {
        // the message stays unflagged and is tried again at the next poll
        failed[0]++;
        log.warn("Could not take message UID {} from the GDPR mailbox: {}", entry.uid(), e.getClass().getSimpleName());
      }
    });
    if (stored[0] > 0 || failed[0] > 0) {
      log.info("GDPR mailbox: {} new e-mails stored, {} to try again", stored[0], failed[0]);
    }
    return stored[0];
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (MessagingException | RuntimeException e) {
      log.warn("The GDPR mailbox could not be read ({}); trying again at the next poll", e.getClass().getSimpleName());
    }
  }

  private boolean sentByRightsDesk(Address[] from) {
    return from != null && from.length == 1 && from[0] instanceof InternetAddress address
        && controller.senderAddress().equalsIgnoreCase(address.getAddress());
  }
}
