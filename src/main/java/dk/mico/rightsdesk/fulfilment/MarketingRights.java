package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.systems.BackupRetention;
import dk.mico.rightsdesk.systems.CompanyProperties;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.Consent;
import dk.mico.rightsdesk.systems.Finding;
import dk.mico.rightsdesk.systems.SystemId;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two rights the law wants carried out with no weighing and no human step (gdpr-rules.md §1, §3): an objection
 * to direct marketing (Art 21(2)-(3)) and a withdrawal of consent (Art 7(3)). They act on the address given.
 */
@Service
public class MarketingRights {

  static final String DECIDED_BY = "Rights Desk (Art 21(3) / 7(3): no weighing)";
  /** Where the change log keeps suppression entries: in every system that declares a suppression table. */
  static final String SUPPRESSION = "suppression";

  private final CompanySystems systems;
  private final RequestFindings findings;
  private final LoggedChanges changes;
  private final RequestLifecycle lifecycle;
  private final MessageSource messages;
  private final Clock clock;
  private final BackupRetention backups;
  private final LegalCalendar calendar;

  MarketingRights(CompanySystems systems, RequestFindings findings, LoggedChanges changes,
      RequestLifecycle lifecycle, MessageSource messages, Clock clock, BackupRetention backups,
      LegalCalendar calendar) {
    this.backups = backups;
    this.calendar = calendar;
    this.systems = systems;
    this.findings = findings;
    this.changes = changes;
    this.lifecycle = lifecycle;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * Stops every direct-marketing use of the address in one system: marketing flags off, and off every marketing list
   * (a system that keeps a suppression list is one: its consent-only subscriptions are removed).
   */
  @Transactional
  public void stopMarketing(String reference, String systemId) {
    DataSubjectRequest request = lifecycle.get(reference);
    SystemId system = SystemId.of(systemId);
    turnMarketingOff(request, system);
    if (systems.system(system).suppression() != null) {
      eraseConsentOnly(request, system);
    }
  }

  /**
   * Ends consent-based processing in one system, if the subject withdrew its consent (F25): marketing stops, and what
   * was held only on consent is erased (Art 17(1)(b)); the suppression entry is kept apart and stays.
   */
  @Transactional
  public void withdrawConsent(String reference, String systemId) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (!withdrawnIn(request, systemId)) {
      return;
    }
    SystemId system = SystemId.of(systemId);
    turnMarketingOff(request, system);
    eraseConsentOnly(request, system);
  }

  /**
   * Whether a withdrawal of consent acts in a system: a system holding data only on consent is its own consent; the
   * marketing flags of any other system go with the consent to marketing (the newsletter's).
   */
  private boolean withdrawnIn(DataSubjectRequest request, String systemId) {
    List<Consent> consents = systems.consents();
    return consents.stream().filter(consent -> consent.id().equals(systemId)).findFirst()
        .or(() -> consents.stream().filter(Consent::marketing).findFirst())
        .map(consent -> request.withdraws(consent.id()))
        .orElse(true);
  }

  /** Whether the request stops marketing: an objection to it, or a withdrawal that includes consent to marketing. */
  private boolean stopsMarketing(DataSubjectRequest request) {
    return request.type() != RequestType.CONSENT_WITHDRAWAL || systems.consents().stream()
        .filter(Consent::marketing).allMatch(consent -> request.withdraws(consent.id()));
  }

  /**
   * Turns marketing off in the records it is on in: with an address, every record that holds it as the job runs,
   * found by discovery or not; without one (a call, a letter), the records that the phone or the name with the
   * address found (F27). The recipients are those of these records, asked just before (F4).
   */
  private void turnMarketingOff(DataSubjectRequest request, SystemId system) {
    Map<String, List<String>> records;
    if (request.subject().reachableByEmail()) {
      records = systems.marketingRecords(system, request.subject().email());
    } else {
      CompanyProperties.SystemDeclaration declaration = systems.system(system);
      records = byTable(found(request, system).stream()
          .filter(f -> declaration.record(f.table()).map(r -> r.marketingColumn() != null
              && !r.marketingColumn().isBlank()).orElse(false)));
    }
    changes.carryOutAll(request.id(), system, DECIDED_BY, records,
        (table, ids) -> systems.stopMarketing(system, table, ids));
  }

  /**
   * The records these rights act on: found by the address given, or, without one, by what else identifies the
   * person (a phone number, the name with the postal address; never the name alone).
   */
  private List<Finding> found(DataSubjectRequest request, SystemId system) {
    return request.subject().reachableByEmail() ? findings.verified(request.id(), system)
        : findings.identifying(request.id(), system);
  }

  /** {@link #found(DataSubjectRequest, SystemId)} of every system, in one read. */
  private Map<SystemId, List<Finding>> foundBySystem(DataSubjectRequest request) {
    return request.subject().reachableByEmail() ? findings.verifiedBySystem(request.id())
        : findings.identifyingBySystem(request.id());
  }

  private void eraseConsentOnly(DataSubjectRequest request, SystemId system) {
    changes.carryOutAll(request.id(), system, DECIDED_BY, byTable(found(request, system).stream()
        .filter(Finding::consentOnly)), (table, ids) -> systems.eraseConsentOnly(system, table, ids));
  }

  private static Map<String, List<String>> byTable(Stream<Finding> found) {
    return found.collect(Collectors.groupingBy(Finding::table, LinkedHashMap::new,
        Collectors.mapping(Finding::recordId, Collectors.toList())));
  }

  /**
   * The systems whose owners carry the right out by hand (F27): for a subject who gave no e-mail address, every system
   * holding marketing or consent data in which nothing that identifies the person (the phone number, the name with
   * the postal address) found them, so Rights Desk cannot act there.
   */
  @Transactional(readOnly = true)
  public List<String> systemsToCarryOutByHand(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (request.subject().reachableByEmail()) {
      return List.of();
    }
    return systems.systems().stream()
        .filter(system -> system.accessMode() == CompanyProperties.Access.JDBC)
        .filter(system -> withdrawnIn(request, system.id()))
        .filter(system -> system.suppression() != null || system.records().stream().anyMatch(table ->
            table.consentOnly() || (table.marketingColumn() != null && !table.marketingColumn().isBlank())))
        .map(CompanyProperties.SystemDeclaration::id)
        .filter(system -> findings.identifying(request.id(), SystemId.of(system)).isEmpty())
        .toList();
  }

  /**
   * Keeps a suppression entry (a hash of the address) so it is never added to marketing again; not for a withdrawal
   * of other consents only (F25: withdrawing cookie consent does not end the newsletter for good).
   */
  @Transactional
  public void suppress(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (!request.subject().reachableByEmail() || !stopsMarketing(request)) {
      return; // no address to keep a hash of, or marketing goes on
    }
    boolean added = systems.suppress(request.subject().email());
    findings.record(request.id(), SUPPRESSION, null, added ? "SUPPRESSION_ADDED" : "SUPPRESSION_KEPT", List.of(),
        List.of("hash of the e-mail address"), DECIDED_BY, clock.instant());
  }

  /**
   * Records the answer, in the subject's language; the letter is built from it. It says what the rule did to what
   * discovery found, so it holds even when an action ran a second time (after a crash) and found nothing left to do.
   *
   * @return whether the answer quotes what a system's owners wrote when they did the work by hand: the officer then
   *     reads it before it goes
   */
  @Transactional
  public boolean recordAnswer(String reference) {
    DataSubjectRequest request = lifecycle.get(reference);
    Locale locale = request.language().locale();
    boolean withdrawal = request.type() == RequestType.CONSENT_WITHDRAWAL;
    boolean stopsMarketing = stopsMarketing(request);
    List<String> lines = new ArrayList<>();
    if (withdrawal && !systems.consents().isEmpty()) {
      lines.add(consentsLine(request, locale));
    }
    if (stopsMarketing) {
      lines.add(request.subject().reachableByEmail()
          ? text("auto.marketing.stopped", locale, request.subject().email())
          : text("auto.marketing.stopped.identified", locale));
    }
    List<String> done = new ArrayList<>();
    Set<SystemId> erasedIn = new HashSet<>();
    Map<SystemId, List<Finding>> foundBySystem = foundBySystem(request);
    for (CompanyProperties.SystemDeclaration system : systems.systems()) {
      if (system.accessMode() != CompanyProperties.Access.JDBC || (withdrawal && !withdrawnIn(request, system.id()))) {
        continue;
      }
      boolean marketingList = system.suppression() != null;
      Map<String, List<Finding>> byTable = foundBySystem.getOrDefault(SystemId.of(system.id()), List.of()).stream()
          .collect(Collectors.groupingBy(Finding::table));
      for (CompanyProperties.RecordDeclaration table : system.records()) {
        List<Finding> found = byTable.getOrDefault(table.table(), List.of());
        if (found.isEmpty()) {
          continue;
        }
        String categories = String.join(", ", table.categories(locale));
        if (table.consentOnly() && (withdrawal || marketingList)) {
          String action = table.keepsProofOfConsent() ? "CONSENT_PROOF_KEPT"
              : table.eraseMode() == CompanyProperties.EraseMode.ANONYMISE ? "ANONYMISED" : "DELETED";
          done.add("- " + text("auto.change." + action, locale, system.name(locale), found.size(), categories));
          erasedIn.add(SystemId.of(system.id()));
        } else if (table.marketingColumn() != null && !table.marketingColumn().isBlank()) {
          done.add("- " + text("auto.change.MARKETING_STOPPED", locale, system.name(locale), found.size(), categories));
        }
      }
    }
    boolean quotesOwners = false;
    List<RequestFindings.RecordedChange> recorded = findings.changes(request.id());
    for (RequestFindings.RecordedChange change : recorded) {
      quotesOwners |= WorkByHand.DONE.equals(change.action());
      if (WorkByHand.DONE.equals(change.action()) || WorkByHand.NOTHING_HELD.equals(change.action())) {
        done.add("- " + text("rights.change." + change.action(), locale,
            systems.system(SystemId.of(change.system())).name(locale), change.recordIds().size(),
            String.join(", ", change.categories())));
      }
    }
    lines.add(done.isEmpty() ? text("auto.nothing.found", locale) : String.join("\n", done));
    if (!erasedIn.isEmpty()) {
      lines.add(text("rights.backups", locale, Wording.date(backups.goneFromBackupsOn(lastChangeDay(recorded),
          erasedIn), locale)));
    }
    if (request.subject().reachableByEmail() && stopsMarketing) {
      lines.add(text("auto.suppression", locale));
    }
    if (withdrawal) {
      lines.add(text("auto.cookies", locale));
      lines.add(text("auto.earlier.lawful", locale));
    }
    lifecycle.recordAnswer(request, "FULFILLED", String.join("\n", lines), null, DECIDED_BY);
    return quotesOwners;
  }

  /** Which consents the subject withdrew, and which stay, in the reader's language. */
  private String consentsLine(DataSubjectRequest request, Locale locale) {
    Map<Boolean, List<String>> withdrawn = systems.consents().stream().collect(Collectors.partitioningBy(
        consent -> request.withdraws(consent.id()), Collectors.mapping(c -> c.label(locale), Collectors.toList())));
    String line = text("auto.consents.withdrawn", locale, String.join(", ", withdrawn.get(true)),
        withdrawn.get(true).size());
    return withdrawn.get(false).isEmpty() ? line
        : line + " " + text("auto.consents.kept", locale, String.join(", ", withdrawn.get(false)));
  }

  /** The day of the request's last recorded change: erased data is gone from backups counted from then (F35). */
  private LocalDate lastChangeDay(List<RequestFindings.RecordedChange> recorded) {
    return recorded.stream().map(RequestFindings.RecordedChange::changedAt)
        .max(Instant::compareTo).orElse(clock.instant()).atZone(calendar.zone()).toLocalDate();
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
