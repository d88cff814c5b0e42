package dk.mico.rightsdesk.identity;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestStatus;
import dk.mico.rightsdesk.request.SubmissionLinks;
import dk.mico.rightsdesk.system.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single-use links that prove the subject controls the e-mail address of a web request. Only the hash of a link's
 * secret is stored; issuing a new link retires the earlier ones.
 */
@Service
public class EmailConfirmations {

  /** A link just issued: the secret for the e-mail, and when it stops working. */
  public record IssuedLink(String token, Instant expiresAt) {}

  /** What opening a link finds. */
  public enum LinkState {
    VALID,
    USED,
    EXPIRED,
    UNKNOWN
  }

  /** The state of a link and, unless unknown, its request. */
  public record OpenedLink(LinkState state, Optional<DataSubjectRequest> request) {}

  private final JdbcClient jdbc;
  private final RequestLifecycle lifecycle;
  private final ConfirmationProperties properties;
  private final SubmissionLinks links;
  private final Clock clock;

  EmailConfirmations(JdbcClient jdbc, RequestLifecycle lifecycle, ConfirmationProperties properties,
      SubmissionLinks links, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.links = links;
    this.properties = properties;
    this.clock = clock;
  }

  /** Issues a link that expires at {@code expiresAt}, or after the full period when that is null. */
  @Transactional
  public IssuedLink issue(DataSubjectRequest request, Instant expiresAt) {
    Instant now = clock.instant();
    if (expiresAt == null) {
      expiresAt = now.plus(properties.validFor());
    }
    jdbc.sql("UPDATE email_confirmation SET superseded = TRUE WHERE request_id = ? AND used_at IS NULL")
        .param(request.id())
        .update();
    String token = SecretTokens.newToken();
    jdbc.sql("INSERT INTO email_confirmation (request_id, token_hash, issued_at, expires_at) VALUES (?, ?, ?, ?)")
        .params(request.id(), SecretTokens.hash(token), utc(now), utc(expiresAt))
        .update();
    return new IssuedLink(token, expiresAt);
  }

  /** When the request's first link expires: the end of the routine confirmation, whatever was sent again. */
  public Optional<Instant> firstExpiry(DataSubjectRequest request) {
    return jdbc.sql("SELECT MIN(expires_at) FROM email_confirmation WHERE request_id = ?")
        .param(request.id())
        .query(OffsetDateTime.class)
        .optional()
        .map(OffsetDateTime::toInstant);
  }

  /** When the newest link of the request expires. */
  public Instant latestExpiry(DataSubjectRequest request) {
    return jdbc.sql("SELECT MAX(expires_at) FROM email_confirmation WHERE request_id = ?")
        .param(request.id())
        .query(OffsetDateTime.class)
        .single()
        .toInstant();
  }

  /** When the reminder for a link that expires then is due. */
  public Instant reminderAt(Instant expiresAt) {
    return expiresAt.minus(properties.remindBefore());
  }

  /** Looks at a link without using it: opening a link must not confirm (mail scanners open links). */
  @Transactional(readOnly = true)
  public OpenedLink open(String token) {
    if (!SecretTokens.looksValid(token)) {
      return new OpenedLink(LinkState.UNKNOWN, Optional.empty());
    }
    return jdbc.sql("SELECT request_id, expires_at, used_at, superseded FROM email_confirmation WHERE token_hash = ?")
        .param(SecretTokens.hash(token))
        .query((rs, n) -> {
          Optional<DataSubjectRequest> request = lifecycle.findById(rs.getLong("request_id"));
          LinkState state;
          if (rs.getObject("used_at") != null
              || request.map(r -> r.status() != RequestStatus.AWAITING_CONFIRMATION).orElse(true)) {
            state = LinkState.USED;
          } else if (rs.getBoolean("superseded")
              || !rs.getObject("expires_at", OffsetDateTime.class).toInstant().isAfter(clock.instant())) {
            state = LinkState.EXPIRED;
          } else {
            state = LinkState.VALID;
          }
          return new OpenedLink(state, request);
        })
        .optional()
        .orElse(new OpenedLink(LinkState.UNKNOWN, Optional.empty()));
  }

  /** The button on the link's page: confirms once, and only a valid link. */
  @Transactional
  public OpenedLink confirm(String token) {
    OpenedLink link = open(token);
    if (link.state() != LinkState.VALID) {
      return link;
    }
    int used = jdbc.sql("UPDATE email_confirmation SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
        .params(utc(clock.instant()), SecretTokens.hash(token))
        .update();
    if (used == 1) {
      DataSubjectRequest request = link.request().orElseThrow();
      lifecycle.emailConfirmed(request);
      // one submission, one address: confirming it once confirms every request of the submission still waiting
      links.siblingsOf(request.reference()).forEach(sibling -> lifecycle.emailConfirmed(lifecycle.get(sibling)));
    }
    return link;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
