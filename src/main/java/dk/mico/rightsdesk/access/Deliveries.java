package dk.mico.rightsdesk.access;

import dk.mico.rightsdesk.access.ReportFiles.ReportFile;
import dk.mico.rightsdesk.notification.AnswerEnclosure;
import dk.mico.rightsdesk.notification.PublicUrl;
import dk.mico.rightsdesk.notification.SecretCode;
import dk.mico.rightsdesk.notification.SecretLink;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.Language;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.Step;
import dk.mico.rightsdesk.system.SecretTokens;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secure delivery of an access or portability answer. The files are kept in the database (every node sees
 * them) from the officer's approval; the answer letter carries a random link (only its hash is stored) and a second
 * letter, sent after it, a one-time code (hashed too). Wrong codes lock the page for a while; the files are deleted when the link
 * expires. Every download is a step of the request. A subject without an e-mail address gets the files on paper with
 * the printed answer: the officer prints them from an officer-only page; they are deleted after the same period.
 */
@Service
public class Deliveries implements AnswerEnclosure {

  private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int CODE_DIGITS = 8;
  /** The officer-only page with the files of a posted answer (web/pages). */
  private static final String PAPER_PAGE = "/officer/access/%s/paper";
  private static final String SEND_PAGE = "/officer/access/%s/send";

  /** What a download link opens to. */
  public enum LinkState { VALID, UNKNOWN, EXPIRED, LOCKED }

  /** What a code attempt did. */
  public enum CodeResult { ACCEPTED, WRONG, NOT_SENT_YET, LOCKED, UNKNOWN, EXPIRED }

  /** A link as the download page sees it; empty request details for an unknown link. */
  public record OpenedLink(LinkState state, long deliveryId, Language language, Instant expiresAt,
      Instant lockedUntil) {}

  /** A file's name and size, for the list on the page. */
  public record FileEntry(long id, String name, String mediaType, long size) {}

  /** A file to send. */
  public record FileContent(String name, String mediaType, byte[] content) {}

  private final JdbcClient jdbc;
  private final AccessReports reports;
  private final ReportFiles files;
  private final AccessRecords records;
  private final RequestLifecycle lifecycle;
  private final DeliveryProperties settings;
  private final PublicUrl publicUrl;
  private final Clock clock;

  Deliveries(JdbcClient jdbc, AccessReports reports, ReportFiles files, AccessRecords records,
      RequestLifecycle lifecycle, DeliveryProperties settings, PublicUrl publicUrl, Clock clock) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.files = files;
    this.records = records;
    this.lifecycle = lifecycle;
    this.settings = settings;
    this.publicUrl = publicUrl;
    this.clock = clock;
  }

  /** Writes the approved report's files; a job that runs again replaces them, and no link exists yet. */
  @Transactional
  public void prepare(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    List<ReportFile> written = files.files(reports.build(request));
    Optional<Long> earlier = deliveryId(request.id());
    long id;
    if (earlier.isPresent()) {
      id = earlier.get();
      jdbc.sql("DELETE FROM delivery_file WHERE delivery_id = ?").param(id).update();
      jdbc.sql("UPDATE delivery SET state = 'PREPARED', token_hash = NULL, code_hash = NULL, expires_at = NULL, "
          + "failed_codes = 0, locked_until = NULL, prepared_at = ? WHERE id = ?").params(now(), id).update();
    } else {
      jdbc.sql("INSERT INTO delivery (request_id, state, prepared_at) VALUES (?, 'PREPARED', ?)")
          .params(request.id(), now()).update();
      id = deliveryId(request.id()).orElseThrow();
    }
    for (ReportFile file : written) {
      jdbc.sql("INSERT INTO delivery_file (delivery_id, file_name, media_type, content) VALUES (?, ?, ?, ?)")
          .params(id, file.name(), file.mediaType(), file.content()).update();
    }
  }

  /**
   * The download link for the answer letter, made when the letter really goes (in the letter job's transaction); its
   * code follows in a letter of its own ({@link #issueCode}). For a preview, stand-ins that say what the letter will
   * carry.
   */
  @Override
  public Map<String, Object> enclose(DataSubjectRequest request, boolean preview) {
    Optional<Long> id = jdbc.sql("SELECT id FROM delivery WHERE request_id = ? AND state = 'PREPARED'")
        .param(request.id()).query(Long.class).optional();
    if (id.isEmpty()) {
      return Map.of();
    }
    Instant expires = clock.instant().plus(settings.validFor());
    Map<String, Object> model = new HashMap<>();
    if (!request.subject().reachableByEmail()) {
      // a printed letter carries no link: the officer encloses the files on paper
      model.put("reportOnPaper", true);
      if (!preview) {
        jdbc.sql("UPDATE delivery SET state = 'ON_PAPER', expires_at = ? WHERE id = ?").params(utc(expires), id.get())
            .update();
      }
      return model;
    }
    model.put("downloadExpiresAt", expires);
    if (preview) {
      model.put("downloadLink", request.language() == Language.da
          ? "[personligt link til download, laves når brevet sendes]"
          : "[personal download link, made when the letter is sent]");
      return model;
    }
    String token = SecretTokens.newToken();
    jdbc.sql("UPDATE delivery SET state = 'ACTIVE', token_hash = ?, code_hash = NULL, expires_at = ? WHERE id = ?")
        .params(SecretTokens.hash(token), utc(expires), id.get()).update();
    model.put("downloadLink", new SecretLink(publicUrl.base() + "/download/" + token));
    return model;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean codeToSend(DataSubjectRequest request) {
    return activeWithoutCode(request.id()).isPresent();
  }

  /** Makes the code of the link that went out and stores its hash, in the code letter's transaction. */
  @Override
  @Transactional
  public Map<String, Object> issueCode(DataSubjectRequest request) {
    Optional<Long> id = activeWithoutCode(request.id());
    if (id.isEmpty()) {
      return Map.of();
    }
    String code = newCode();
    jdbc.sql("UPDATE delivery SET code_hash = ? WHERE id = ?").params(SecretTokens.hash(code), id.get()).update();
    Instant expires = jdbc.sql("SELECT expires_at FROM delivery WHERE id = ?").param(id.get())
        .query(OffsetDateTime.class).single().toInstant();
    return Map.of("downloadCode", new SecretCode(code), "downloadExpiresAt", expires,
        "maxWrongCodes", settings.maxWrongCodes());
  }

  /** The officer's page with the files to print and enclose with a posted answer; empty when none go on paper. */
  @Override
  @Transactional(readOnly = true)
  public Optional<String> paperEnclosurePage(DataSubjectRequest request) {
    return onPaper(request.reference()).map(id -> PAPER_PAGE.formatted(request.reference()));
  }

  /** The files to print for a posted answer; empty once they are deleted or for an answer sent by e-mail. */
  @Transactional(readOnly = true)
  public List<FileEntry> paperFiles(String reference) {
    return onPaper(reference).map(this::files).orElse(List.of());
  }

  /** A file to print for a posted answer. */
  @Transactional(readOnly = true)
  public Optional<FileContent> paperFile(String reference, long fileId) {
    return onPaper(reference).flatMap(id -> file(id, fileId));
  }

  /** The page of the files the officer sends to the controller a portability request named (Art 20(2)). */
  public String filesToSendPage(String reference) {
    return SEND_PAGE.formatted(reference);
  }

  /** The approved files for the officer to send to another controller; empty once they are deleted. */
  @Transactional(readOnly = true)
  public List<FileEntry> filesToSend(String reference) {
    return current(reference).map(this::files).orElse(List.of());
  }

  /** A file for the officer to send to another controller. */
  @Transactional(readOnly = true)
  public Optional<FileContent> fileToSend(String reference, long fileId) {
    return current(reference).flatMap(id -> file(id, fileId));
  }

  private Optional<FileContent> file(long deliveryId, long fileId) {
    return jdbc.sql("SELECT file_name, media_type, content FROM delivery_file "
            + "WHERE id = ? AND delivery_id = ?")
        .params(fileId, deliveryId)
        .query((rs, n) -> new FileContent(rs.getString("file_name"), rs.getString("media_type"),
            rs.getBytes("content")))
        .optional();
  }

  private Optional<Long> onPaper(String reference) {
    return jdbc.sql("SELECT d.id FROM delivery d JOIN dsr_request r ON r.id = d.request_id "
            + "WHERE r.reference = ? AND d.state = 'ON_PAPER'")
        .param(reference).query(Long.class).optional();
  }

  private Optional<Long> current(String reference) {
    return jdbc.sql("SELECT d.id FROM delivery d JOIN dsr_request r ON r.id = d.request_id "
            + "WHERE r.reference = ? AND d.state IN ('PREPARED', 'ACTIVE', 'ON_PAPER')")
        .param(reference).query(Long.class).optional();
  }

  private Optional<Long> activeWithoutCode(long requestId) {
    return jdbc.sql("SELECT id FROM delivery WHERE request_id = ? AND state = 'ACTIVE' AND code_hash IS NULL")
        .param(requestId).query(Long.class).optional();
  }

  /** What a link opens to; a malformed, unknown or guessed token is UNKNOWN and reveals nothing. */
  @Transactional(readOnly = true)
  public OpenedLink open(String token) {
    if (!SecretTokens.looksValid(token)) {
      return unknown();
    }
    return jdbc.sql("""
            SELECT d.id, d.state, d.expires_at, d.locked_until, r.language
            FROM delivery d JOIN dsr_request r ON r.id = d.request_id WHERE d.token_hash = ?""")
        .param(SecretTokens.hash(token))
        .query((rs, n) -> {
          Instant expires = instant(rs.getObject("expires_at", OffsetDateTime.class));
          Instant locked = instant(rs.getObject("locked_until", OffsetDateTime.class));
          Instant now = clock.instant();
          LinkState state;
          if (!"ACTIVE".equals(rs.getString("state")) || expires == null || !now.isBefore(expires)) {
            state = LinkState.EXPIRED;
          } else if (locked != null && now.isBefore(locked)) {
            state = LinkState.LOCKED;
          } else {
            state = LinkState.VALID;
          }
          return new OpenedLink(state, rs.getLong("id"), Language.valueOf(rs.getString("language")), expires,
              locked);
        })
        .optional()
        .orElseGet(Deliveries::unknown);
  }

  /** Checks a code; the configured number of wrong codes in a row locks the link for the configured time. */
  @Transactional
  public CodeResult checkCode(String token, String code) {
    OpenedLink link = open(token);
    switch (link.state()) {
      case UNKNOWN -> { return CodeResult.UNKNOWN; }
      case EXPIRED -> { return CodeResult.EXPIRED; }
      case LOCKED -> { return CodeResult.LOCKED; }
      default -> { }
    }
    Optional<String> stored = jdbc.sql("SELECT code_hash FROM delivery WHERE id = ? AND code_hash IS NOT NULL")
        .param(link.deliveryId()).query(String.class).optional();
    if (stored.isEmpty()) {
      return CodeResult.NOT_SENT_YET; // the answer went, its code letter not yet: nothing to count against
    }
    String given = code == null ? "" : code.replaceAll("\\s", "");
    if (MessageDigest.isEqual(stored.get().getBytes(StandardCharsets.UTF_8),
        SecretTokens.hash(given).getBytes(StandardCharsets.UTF_8))) {
      jdbc.sql("UPDATE delivery SET failed_codes = 0 WHERE id = ?").param(link.deliveryId()).update();
      return CodeResult.ACCEPTED;
    }
    jdbc.sql("UPDATE delivery SET failed_codes = failed_codes + 1 WHERE id = ?").param(link.deliveryId()).update();
    int failed = jdbc.sql("SELECT failed_codes FROM delivery WHERE id = ?").param(link.deliveryId())
        .query(Integer.class).single();
    if (failed < settings.maxWrongCodes()) {
      return CodeResult.WRONG;
    }
    jdbc.sql("UPDATE delivery SET failed_codes = 0, locked_until = ? WHERE id = ?")
        .params(utc(clock.instant().plus(settings.lockFor())), link.deliveryId()).update();
    lifecycle.recordStep(requestOf(link.deliveryId()), Step.DOWNLOAD_LOCKED, "subject", null);
    return CodeResult.LOCKED;
  }

  @Transactional(readOnly = true)
  public List<FileEntry> files(long deliveryId) {
    return jdbc.sql("SELECT id, file_name, media_type, LENGTH(content) AS size FROM delivery_file "
            + "WHERE delivery_id = ? ORDER BY id")
        .param(deliveryId)
        .query((rs, n) -> new FileEntry(rs.getLong("id"), rs.getString("file_name"), rs.getString("media_type"),
            rs.getLong("size")))
        .list();
  }

  /** A file of the delivery, recorded as downloaded with the request; empty for a file of another delivery. */
  @Transactional
  public Optional<FileContent> download(long deliveryId, long fileId) {
    Optional<FileContent> file = jdbc.sql("SELECT file_name, media_type, content FROM delivery_file "
            + "WHERE id = ? AND delivery_id = ?")
        .params(fileId, deliveryId)
        .query((rs, n) -> new FileContent(rs.getString("file_name"), rs.getString("media_type"),
            rs.getBytes("content")))
        .optional();
    file.ifPresent(f -> lifecycle.recordStep(requestOf(deliveryId), Step.FILE_DOWNLOADED, "subject", f.name()));
    return file;
  }

  /**
   * Deletes the files of every expired link or posted answer, and of prepared answers whose request closed without
   * sending them, with what the systems returned for them; and what the systems returned for any other closed request
   * that has no download open. Each node may run it: deleting what is gone changes nothing. When it
   * runs is the setting {@code rightsdesk.delivery.cleanup-schedule} (cron, Copenhagen time; application.yaml).
   */
  @Scheduled(cron = "${rightsdesk.delivery.cleanup-schedule}", zone = "Europe/Copenhagen")
  @Transactional
  public int deleteExpired() {
    List<Long[]> expired = jdbc.sql("""
            SELECT d.id, d.request_id FROM delivery d JOIN dsr_request r ON r.id = d.request_id
            WHERE (d.state IN ('ACTIVE', 'ON_PAPER') AND d.expires_at <= ?)
              OR (d.state = 'PREPARED' AND r.status = 'CLOSED')""")
        .param(now())
        .query((rs, n) -> new Long[] {rs.getLong(1), rs.getLong(2)})
        .list();
    for (Long[] delivery : expired) {
      jdbc.sql("DELETE FROM delivery_file WHERE delivery_id = ?").param(delivery[0]).update();
      jdbc.sql("UPDATE delivery SET state = 'EXPIRED' WHERE id = ?").param(delivery[0]).update();
      records.purge(delivery[1]);
    }
    // a request that ended before any answer went (withdrawn, refused, forwarded, unverifiable) keeps nothing either
    List<Long> ended = jdbc.sql("""
            SELECT DISTINCT a.request_id FROM access_record a JOIN dsr_request r ON r.id = a.request_id
            WHERE r.status = 'CLOSED' AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.request_id = a.request_id
              AND d.state IN ('ACTIVE', 'ON_PAPER'))""")
        .query(Long.class).list();
    ended.forEach(records::purge);
    if (!expired.isEmpty() || !ended.isEmpty()) {
      log.info("Deleted the files of {} expired download(s) and the gathered data of {} ended request(s)",
          expired.size(), ended.size());
    }
    return expired.size();
  }

  private DataSubjectRequest requestOf(long deliveryId) {
    long requestId = jdbc.sql("SELECT request_id FROM delivery WHERE id = ?").param(deliveryId)
        .query(Long.class).single();
    return lifecycle.findById(requestId).orElseThrow();
  }

  private Optional<Long> deliveryId(long requestId) {
    return jdbc.sql("SELECT id FROM delivery WHERE request_id = ?").param(requestId).query(Long.class).optional();
  }

  private static String newCode() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < CODE_DIGITS; i++) {
      code.append(RANDOM.nextInt(10));
    }
    return code.toString();
  }

  private static OpenedLink unknown() {
    return new OpenedLink(LinkState.UNKNOWN, 0, null, null, null);
  }

  private OffsetDateTime now() {
    return utc(clock.instant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
