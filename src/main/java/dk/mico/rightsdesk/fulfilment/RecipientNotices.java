package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.notification.ControllerProperties;
import dk.mico.rightsdesk.notification.RecipientMail;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.systems.CompanyProperties.Access;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.DisclosureRegister;
import dk.mico.rightsdesk.systems.DisclosureRegister.Recipient;
import dk.mico.rightsdesk.systems.Disclosures;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
  private final CompanySystems systems;
  private final DisclosureRegister register;
  private final Disclosures disclosures;
  private final LegalBasisReview review;
  private final RecipientMail mail;
  private final MessageSource messages;
  private final ControllerProperties controller;
  private final Clock clock;

  RecipientNotices(JdbcClient jdbc, RequestLifecycle lifecycle, CompanySystems systems, DisclosureRegister register,
      Disclosures disclosures, LegalBasisReview review, RecipientMail mail, MessageSource messages,
      ControllerProperties controller, Clock clock) {
    this.jdbc = jdbc;
    this.lifecycle = lifecycle;
    this.systems = systems;
    this.register = register;
    this.disclosures = disclosures;
    this.review = review;
    this.mail = mail;
    this.messages = messages;
    this.controller = controller;
    this.clock = clock;
  }

  /** The notice of an erasure at the end of a legal retention period, made after the request was answered. */
  static final String ERASED_AFTER_RETENTION = "ERASED_AFTER_RETENTION";
  /** The notice of an erasure after the review of records kept for a legal claim, made after the request was answered. */
  static final String ERASED_AFTER_CLAIM_REVIEW = "ERASED_AFTER_CLAIM_REVIEW";

  /** The notices of an erasure made after the answer, each on its own day, by who decided it. */
  private static final Map<String, String> LATER_ERASURES = Map.of(
      ERASED_AFTER_RETENTION, PersonalRights.AFTER_RETENTION,
      ERASED_AFTER_CLAIM_REVIEW, PersonalRights.AFTER_CLAIM_REVIEW);

  /**
   * The changes in the systems that a notice of each action is about; what an owner did by hand in a system is the
   * request's own right carried out there (a supplementary statement is a rectification, Art 16 and 19).
   */
  private static final Map<String, Set<String>> CHANGES = Map.of(
      "ERASED", Set.of("DELETED", "ANONYMISED", WorkByHand.DONE),
      ERASED_AFTER_RETENTION, Set.of("DELETED", "ANONYMISED"),
      ERASED_AFTER_CLAIM_REVIEW, Set.of("DELETED", "ANONYMISED"),
      "RESTRICTED", Set.of("RESTRICTED", WorkByHand.DONE),
      "RESTRICTION_LIFTED", Set.of("RESTRICTION_LIFTED", WorkByHand.LIFTED),
      "RECTIFIED", Set.of("RECTIFIED", WorkByHand.DONE));

  /**
   * A change in a system that a notice is about: never a record that was kept. {@code receivedBy}: the recipients
   * whose record filter selected its records just before it was made.
   */
  private record Change(String system, String table, String action, List<String> recordIds, List<String> categories,
      LocalDate day, List<String> receivedBy) {}

  /**
   * The recipients that received the person's data that the request changed in a way of this notice's kind (F4: not
   * every recipient of a changed system, and never a provider of infrastructure only).
   */
  @Transactional(readOnly = true)
  public List<Recipient> recipientsOfChanges(String reference, String action) {
    List<Change> changes = changes(lifecycle.get(reference).id(), action);
    return register.recipients().stream().filter(r -> !concerning(r, changes).isEmpty()).toList();
  }

  /**
   * The recipients that received this person's data, in register order (F4): of the records the review covers, as
   * they are before anything is changed (a record filter still sees every record), and of the systems its owners
   * work by hand. These are the ones the officer may untick for this person, with a reason.
   */
  @Transactional(readOnly = true)
  public List<Recipient> recipientsOfPerson(String reference) {
    Map<String, Map<String, List<String>>> records = new LinkedHashMap<>();
    review.proposals(reference).forEach(p -> records.computeIfAbsent(p.system(), k -> new LinkedHashMap<>())
        .computeIfAbsent(p.table(), k -> new ArrayList<>()).add(p.recordId()));
    systems.systems().stream().filter(s -> s.accessMode() == Access.MANUAL)
        .forEach(s -> records.putIfAbsent(s.id(), Map.of()));
    Set<Recipient> received = new LinkedHashSet<>();
    records.forEach((system, tables) -> {
      SystemId id = SystemId.of(system);
      Map<String, List<String>> byTable = tables.isEmpty() ? Map.of("", List.of()) : tables;
      byTable.forEach((table, ids) -> {
        Set<String> filtered = new HashSet<>();
        if (!ids.isEmpty() && disclosures.filters(id)) {
          disclosures.filteredRecipients(id, table, ids).values().forEach(filtered::addAll);
        }
        register.recipients().stream().filter(r -> disclosures.received(r, id, table, ids, filtered))
            .forEach(received::add);
      });
    });
    return register.recipients().stream().filter(received::contains).toList();
  }

  /**
   * Sends the notice of {@code action} to one recipient, once per occasion, in the recipient's language; nothing
   * where the officer recorded why not. It lists only what changed in the systems the recipient receives from.
   */
  @Transactional
  public void notify(String reference, String recipientId, String action) {
    DataSubjectRequest request = lifecycle.get(reference);
    Recipient recipient = register.recipient(recipientId)
        .orElseThrow(() -> new IllegalArgumentException("recipient " + recipientId + " is not in the register"));
    List<Change> concerned = concerning(recipient, changes(request.id(), action));
    String occasion = occasion(action, concerned);
    if (concerned.isEmpty() || find(request.id(), recipientId, action, occasion).isPresent()) {
      return;
    }
    Locale locale = Locale.forLanguageTag(recipient.language());
    String systemNames = concerned.stream().map(c -> systems.system(SystemId.of(c.system())).staffName()).distinct()
        .collect(Collectors.joining(", "));
    String key = reference + "/NOTICE/" + recipientId + "/" + action + (occasion.isEmpty() ? "" : "/" + occasion);
    mail.send(key, recipient.noticeContact(), text("notice.subject", locale, reference, action(action, locale)),
        body(request, recipient, action, concerned, locale));
    insert(request.id(), recipient, action, occasion, systemNames, "SENT", null, null);
    jdbc.sql("UPDATE recipient_notice SET sent_at = ? WHERE request_id = ? AND recipient_id = ? AND action = ? "
            + "AND occasion = ?")
        .params(clock.instant().atOffset(ZoneOffset.UTC), request.id(), recipientId, action, occasion)
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
    Optional<Notice> earlier = find(request.id(), recipientId, action, "");
    if (earlier.isPresent()) {
      if ("SENT".equals(earlier.get().state())) {
        throw new InvalidRequestException(List.of(new Violation("notice-" + recipientId, "was sent already")));
      }
      jdbc.sql("UPDATE recipient_notice SET reason = ?, decided_by = ? WHERE request_id = ? AND recipient_id = ? "
              + "AND action = ? AND occasion = ''")
          .params(reason.strip(), officer, request.id(), recipientId, action)
          .update();
      return;
    }
    insert(request.id(), recipient.get(), action, "", "", "NOT_SENT", reason.strip(), officer);
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

  /**
   * The changes a notice of {@code action} is about. The request's own notices leave out the erasures made after the
   * answer (a retention period ended, a claim reviewed); a notice of such an erasure is about the latest one of its
   * kind only (each day has its own).
   */
  private List<Change> changes(long requestId, String action) {
    Set<String> kinds = CHANGES.get(action);
    if (kinds == null) {
      throw new IllegalArgumentException("no notice of " + action);
    }
    String laterBy = LATER_ERASURES.get(action);
    List<Change> changes = jdbc.sql("SELECT system_id, table_name, action, record_ids, categories, decided_by, "
            + "changed_at, received_by FROM request_change WHERE request_id = ? ORDER BY changed_at, id")
        .param(requestId)
        .query((rs, n) -> Objects.equals(laterBy, laterBy(rs.getString("decided_by")))
            ? new Change(rs.getString("system_id"), rs.getString("table_name"), rs.getString("action"),
                split(rs.getString("record_ids"), ","), split(rs.getString("categories"), ", "),
                rs.getObject("changed_at", OffsetDateTime.class).atZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                split(rs.getString("received_by"), ","))
            : null)
        .list().stream()
        .filter(c -> c != null && kinds.contains(c.action()))
        .toList();
    if (laterBy == null || changes.isEmpty()) {
      return changes;
    }
    LocalDate latest = changes.get(changes.size() - 1).day();
    return changes.stream().filter(c -> c.day().equals(latest)).toList();
  }

  /** Who decided a change made after the answer; null for the request's own. */
  private static String laterBy(String decidedBy) {
    return LATER_ERASURES.containsValue(decidedBy) ? decidedBy : null;
  }

  private static String occasion(String action, List<Change> concerned) {
    return LATER_ERASURES.containsKey(action) && !concerned.isEmpty() ? concerned.get(0).day().toString() : "";
  }

  /**
   * The changes of records the recipient received (from the system's disclosure log where it keeps one, by its
   * record filter as asked before the change where it declares one).
   */
  private List<Change> concerning(Recipient recipient, List<Change> changes) {
    return changes.stream()
        .filter(c -> disclosures.received(recipient, SystemId.of(c.system()), c.table(), c.recordIds(),
            c.receivedBy()))
        .toList();
  }

  private static List<String> split(String joined, String separator) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(separator));
  }

  private Optional<Notice> find(long requestId, String recipientId, String action, String occasion) {
    return jdbc.sql("SELECT recipient_id, recipient_name, role, action, state, reason FROM recipient_notice "
            + "WHERE request_id = ? AND recipient_id = ? AND action = ? AND occasion = ?")
        .params(requestId, recipientId, action, occasion)
        .query((rs, n) -> new Notice(rs.getString("recipient_id"), rs.getString("recipient_name"),
            rs.getString("role"), rs.getString("action"), rs.getString("state"), rs.getString("reason")))
        .optional();
  }

  private void insert(long requestId, Recipient recipient, String action, String occasion, String systemNames,
      String state, String reason, String officer) {
    jdbc.sql("""
            INSERT INTO recipient_notice (request_id, recipient_id, recipient_name, role, notice_contact, action,
              occasion, systems, state, reason, decided_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(requestId, recipient.id(), recipient.name(), recipient.role(), recipient.noticeContact(), action,
            occasion, systemNames, state, reason, officer)
        .update();
  }

  /**
   * The notice in the recipient's language: who, what changed where (only that: a record kept, such as an invoice
   * under the bookkeeping act, is not listed and must not be touched), and for a processor the instruction.
   */
  /** The categories in the reader's language; those recorded with the change if the table is no longer declared. */
  private List<String> categories(Change change, Locale locale) {
    return systems.system(SystemId.of(change.system())).record(change.table())
        .map(declaration -> declaration.categories(locale)).orElse(change.categories());
  }

  private String body(DataSubjectRequest request, Recipient recipient, String action, List<Change> concerned,
      Locale locale) {
    String changes = concerned.stream()
        .map(c -> text("notice.change", locale, systems.system(SystemId.of(c.system())).name(locale),
            String.join(", ", categories(c, locale)), c.recordIds().size(), text("notice.change." + c.action(), locale)))
        .collect(Collectors.joining("\n"));
    String instruction = recipient.processor()
        ? text("notice.processor", locale, recipient.dpaReference(), action(action, locale), controller.gdprEmail())
        : text("notice.recipient", locale, action(action, locale));
    return text("notice.body", locale, request.reference(), action(action, locale), request.subject().name(),
        request.subject().email() == null ? "-" : request.subject().email(), changes) + "\n\n" + instruction + "\n";
  }

  private String action(String action, Locale locale) {
    return text("notice.action." + action, locale);
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
