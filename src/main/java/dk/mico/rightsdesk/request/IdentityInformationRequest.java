package dk.mico.rightsdesk.request;

import java.time.Instant;

/**
 * One request to the subject for more identity information (Art 12(6)). {@code pausesClock} is decided when it went
 * out: null before that.
 */
public record IdentityInformationRequest(long id, long requestId, String whatIsNeeded, Instant askedAt,
    Instant sentAt, Instant replyDueAt, Boolean pausesClock, Instant answeredAt, String reply) {

  public boolean pausedTheClock() {
    return Boolean.TRUE.equals(pausesClock);
  }
}
