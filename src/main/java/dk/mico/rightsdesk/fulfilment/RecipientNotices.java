package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.notification.ControllerProperties;
import dk.mico.rightsdesk.notification.RecipientMail;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.DisclosureRegister;
import dk.mico.rightsdesk.systems.DisclosureRegister.Recipient;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Art 19: every recipient that the changed systems disclose data to is told of the rectification, erasure or
 * restriction (processors as an instruction under their data processing agreement), each notice once, by its own
 * retried job, and recorded; where a notice is impossible or would take disproportionate effort, the officer records
 * why and it is not sent.
 */
@Service
public class RecipientNotices {

  /** A notice as the request keeps it: no body, since it names the subject. */
  public record Notice(String recipientId, String recipientName, String role, String action, String state,
      String reason) {}

  private final JdbcClient jdbc;
  private final RequestLifecycle lifecycle;
  private final RequestFindings findings;
  private final CompanySystems systems;
  private final DisclosureRegister register;
  private final RecipientMail mail;
  private final MessageSource messages;
  private final ControllerProperties controller;
  private final Clock clock;

  RecipientNotices(JdbcClient jdbc, RequestLifecycle lifecycle, RequestFindings findings, CompanySystems systems, DisclosureRegister register,
      RecipientMail mail, MessageSource messages, ControllerProperties controller, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.findings = findings;
    this.systems = systems;
    this.register = register;
    this.mail = mail;
    this.messages = messages;
    this.controller = controller;
    this.clock = clock;
  }

  /**
   * The changes in the systems that a notice of each action is about; what an owner did by hand in a system is the
   * request's own right carried out there (a supplementary statement is a rectification, Art 16 and 19).
   */
  private static final Map<String, Set<String>> CHANGES = Map.of(
      "ERASED", Set.of("DELETED", "ANONYMISED", WorkByHand.DONE),
      "RESTRICTED", Set.of("RESTRICTED", WorkByHand.DONE),
      "RESTRICTION_LIFTED", Set.of("RESTRICTION_LIFTED", WorkByHand.LIFTED),
      "RECTIFIED", Set.of("RECTIFIED", WorkByHand.DONE));

  /** The recipients of the systems where the request made changes of this notice's kind. */
  @Transactional(readOnly = true)
  public List<Recipient> recipientsOfChanges(String reference, String action) {
    return recipientsOf(changedSystems(reference, action));
  }

  /** The recipients of these systems, as the register knows them, in register order. */
  public List<Recipient> recipientsOf(Collection<String> systemIds) {
    Set<String> ids = systemIds.stream()
        .flatMap(id -> systems.system(SystemId.of(id)).recipients().stream())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    return register.recipients().stream().filter(r -> ids.contains(r.id())).toList();
  }

  /** Sends the notice of {@code action} to one recipient, once; nothing where the officer recorded why not. */
  @Transactional
  public void notify(String reference, String recipientId, String action) {
    DataSubjectRequest request = lifecycle.get(reference);
    Set<String> systemIds = changedSystems(reference, action);
    if (find(request.id(), recipientId, action).isPresent()) {
      return;
    }
    Recipient recipient = register.recipient(recipientId)
        .orElseThrow(() -> new IllegalArgumentException("recipient " + recipientId + " is not in the register"));
    List<SystemDeclaration> concerned = systemIds.stream().map(id -> systems.system(SystemId.of(id)))
        .filter(s -> s.recipients().contains(recipientId))
        .toList();
    String systemNames = concerned.stream().map(SystemDeclaration::staffName).collect(Collectors.joining(", "));
    String key = reference + "/NOTICE/" + recipientId + "/" + action;
    mail.send(key, recipient.noticeContact(), subjectLine(reference, action), body(request, recipient, action,
        systemNames));
    insert(request.id(), recipient, action, systemNames, "SENT", null, null);
    jdbc.sql("UPDATE recipient_notice SET sent_at = ? WHERE request_id = ? AND recipient_id = ? AND action = ?")
        .params(clock.instant().atOffset(ZoneOffset.UTC), request.id(), recipientId, action)
        .update();
  }

  /** The officer's record that a notice is impossible or would take disproportionate effort (Art 19). */
  @Transactional
  public void recordNotSent(String reference, String recipientId, String action, String reason, String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    Optional<Recipient> recipient = register.recipient(recipientId);
    if (recipient.isEmpty()) {
      throw new InvalidRequestException(List.of(new Violation("recipient", "is not in the register")));
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidRequestException(List.of(new Violation("notice-" + recipientId,
          "is required: say why the notice is impossible or would take disproportionate effort")));
    }
    Optional<Notice> earlier = find(request.id(), recipientId, action);
    if (earlier.isPresent()) {
      if ("SENT".equals(earlier.get().state())) {
        throw new InvalidRequestException(List.of(new Violation("notice-" + recipientId, "was sent already")));
      }
      jdbc.sql("UPDATE recipient_notice SET reason = ?, decided_by = ? WHERE request_id = ? AND recipient_id = ? "
              + "AND action = ?")
          .params(reason.strip(), officer, request.id(), recipientId, action)
          .update();
      return;
    }
    insert(request.id(), recipient.get(), action, "", "NOT_SENT", reason.strip(), officer);
  }

  /** Every notice of the request, sent or not. */
  @Transactional(readOnly = true)
  public List<Notice> notices(String reference) {
    return jdbc.sql("SELECT recipient_id, recipient_name, role, action, state, reason FROM recipient_notice "
            + "WHERE request_id = ? ORDER BY id")
        .param(lifecycle.get(reference).id())
        .query((rs, n) -> new Notice(rs.getString("recipient_id"), rs.getString("recipient_name"),
            rs.getString("role"), rs.getString("action"), rs.getString("state"), rs.getString("reason")))
        .list();
  }

  private Set<String> changedSystems(String reference, String action) {
    Set<String> changes = CHANGES.get(action);
    if (changes == null) {
      throw new IllegalArgumentException("no notice of " + action);
    }
    return findings.changes(lifecycle.get(reference).id()).stream()
        .filter(c -> changes.contains(c.action()))
        .map(RequestFindings.RecordedChange::system)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private Optional<Notice> find(long requestId, String recipientId, String action) {
    return jdbc.sql("SELECT recipient_id, recipient_name, role, action, state, reason FROM recipient_notice "
            + "WHERE request_id = ? AND recipient_id = ? AND action = ?")
        .params(requestId, recipientId, action)
        .query((rs, n) -> new Notice(rs.getString("recipient_id"), rs.getString("recipient_name"),
            rs.getString("role"), rs.getString("action"), rs.getString("state"), rs.getString("reason")))
        .optional();
  }

  private void insert(long requestId, Recipient recipient, String action, String systemNames, String state,
      String reason, String officer) {
    jdbc.sql("""
            INSERT INTO recipient_notice (request_id, recipient_id, recipient_name, role, notice_contact, action,
              systems, state, reason, decided_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(requestId, recipient.id(), recipient.name(), recipient.role(), recipient.noticeContact(), action,
            systemNames, state, reason, officer)
        .update();
  }

  private String subjectLine(String reference, String action) {
    return text("notice.subject", Locale.forLanguageTag("da"), reference, action(action, "da")) + " / "
        + text("notice.subject", Locale.ENGLISH, reference, action(action, "en"));
  }

  /** The notice in Danish, then English: who, which systems, what was done, and for a processor the instruction. */
  private String body(DataSubjectRequest request, Recipient recipient, String action, String systemNames) {
    StringBuilder body = new StringBuilder();
    for (String language : List.of("da", "en")) {
      Locale locale = Locale.forLanguageTag(language);
      body.append(text("notice.body", locale, request.reference(), action(action, language),
          request.subject().name(), request.subject().email() == null ? "-" : request.subject().email(),
          systemNames, String.join(", ", recipient.categories())));
      body.append("\n\n");
      body.append(recipient.processor()
          ? text("notice.processor", locale, recipient.dpaReference(), action(action, language),
              controller.gdprEmail())
          : text("notice.recipient", locale, action(action, language)));
      body.append("\n\n----\n\n");
    }
    return body.toString();
  }

  private String action(String action, String language) {
    return text("notice.action." + action, Locale.forLanguageTag(language));
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
