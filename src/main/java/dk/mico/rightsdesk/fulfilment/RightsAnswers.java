package dk.mico.rightsdesk.fulfilment;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.Outcome;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestType;
import dk.mico.rightsdesk.systems.BackupRetention;
import dk.mico.rightsdesk.systems.CompanySystems;
import dk.mico.rightsdesk.systems.SystemId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The answer to an erasure, restriction or general objection, in the subject's language, from what the officer
 * decided and what was done: what was done where, what was kept and why (article and law, and when it is erased),
 * what was refused with its reason (Art 12(4)), who was told (Art 19), and until when erased data stays in backups
 * (CEF 2025, F35). The officer reads it in the letter's preview and approves it before it goes.
 */
@Service
public class RightsAnswers {

  private static final Set<String> ERASING = Set.of("DELETED", "ANONYMISED");
  /** Erasure does not apply where the data is needed for legal claims. */
  private static final String LEGAL_CLAIMS_ARTICLE = "17(3)(e)";

  private final LegalBasisReview review;
  private final RecipientNotices notices;
  private final RequestFindings findings;
  private final RequestLifecycle lifecycle;
  private final CompanySystems systems;
  private final BackupRetention backups;
  private final LegalCalendar calendar;
  private final MessageSource messages;

  RightsAnswers(LegalBasisReview review, RecipientNotices notices, RequestFindings findings,
      RequestLifecycle lifecycle, CompanySystems systems, BackupRetention backups, LegalCalendar calendar,
      MessageSource messages) {
    this.review = review;
    this.notices = notices;
    this.findings = findings;
    this.lifecycle = lifecycle;
    this.systems = systems;
    this.backups = backups;
    this.calendar = calendar;
    this.messages = messages;
  }

  /** Records the answer of a reviewed erasure, restriction or general objection. */
  @Transactional
  public void recordAnswer(String reference, String officer) {
    DataSubjectRequest request = lifecycle.get(reference);
    if (findings.candidatesWaiting(request.id())) {
      // the review cannot finish while they wait; an answer now could say that nothing was found
      throw new IllegalStateException("Candidates of " + reference + " wait for the officer's decision");
    }
    Locale locale = request.language().locale();
    List<Proposal> proposals = review.proposals(request.id());
    List<String> done = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    String balancingGrounds = request.type() == RequestType.OBJECTION ? review.balancingGrounds(reference) : null;

    List<RequestFindings.RecordedChange> changes = findings.changes(request.id());
    for (RequestFindings.RecordedChange change : changes) {
      if (change.action().startsWith("SUPPRESSION")) {
        continue; // said below
      }
      // an objection's restriction is how its processing stopped, and the letter says so
      String key = request.type() == RequestType.OBJECTION && "RESTRICTED".equals(change.action())
          ? "rights.objection.stopped" : "rights.change." + change.action();
      done.add("- " + text(key, locale, systems.name(change.system(), locale), change.recordIds().size(),
          String.join(", ", systems.categories(change.system(), change.table(), change.categories(), locale))));
    }
    if (changes.stream().anyMatch(c -> c.action().startsWith("SUPPRESSION"))) {
      done.add(text("auto.suppression", locale));
    }
    for (Proposal p : proposals) {
      String where = systems.name(p.system(), locale) + " ("
          + String.join(", ", systems.categories(p.system(), p.table(), p.categories(), locale)) + ")";
      String why = p.overridden() ? p.justification() : text("review.reason." + p.reasonCode(), locale);
      switch (p.outcome()) {
        case "KEEP" -> {
          String line = "- " + text("rights.kept", locale, where, why, keptUnder(p, locale));
          if (p.erasedAfterRetention()) {
            line += " " + text("rights.kept.until", locale, Wording.date(p.keptUntil().plusDays(1), locale));
          } else if (!p.overridden() && p.keptUntil() != null) {
            // a table declared kept is never erased by us, but the subject learns when the law stops requiring it
            line += " " + text("rights.kept.periodEnds", locale, Wording.date(p.keptUntil(), locale));
          }
          refused.add(line);
        }
        // the justification says which claim (Art 12(4)); no period ends it, but the officer reviews it on a day
        case Proposal.KEEP_FOR_LEGAL_CLAIMS -> refused.add("- " + text("rights.kept.legalClaims", locale, where,
            p.justification(), Wording.articles(LEGAL_CLAIMS_ARTICLE, locale))
            + (p.reviewOn() == null ? "" : " " + text("rights.kept.legalClaims.review", locale,
                Wording.date(p.reviewOn(), locale))));
        // an officer who keeps the records unrestricted refuses the restriction, and the letter gives why
        case "NO_ACTION" -> (p.overridden() ? refused : done).add("- " + text(
            p.overridden() ? "rights.restriction.refused" : "rights.noAction", locale, where, why,
            Wording.articles(p.article(), locale)));
        case "NOT_APPLICABLE" ->
            refused.add("- " + text("rights.notApplicable", locale, where, why, article(p, locale)));
        case "WITHDRAW" -> done.add("- " + text("rights.objection.withdrawn", locale, where));
        case "BALANCE" -> {
          if (balancingGrounds != null) {
            refused.add("- " + text("rights.objection.rejected", locale, where, balancingGrounds));
          }
        }
        default -> { }
      }
    }
    boolean doneByHand = changes.stream().anyMatch(c -> WorkByHand.DONE.equals(c.action()));
    if (proposals.isEmpty() && !doneByHand) {
      done.add(text("rights.nothing.found", locale));
    }
    if (request.type() == RequestType.RESTRICTION && (doneByHand
        || proposals.stream().anyMatch(p -> "RESTRICT".equals(p.outcome())))) {
      done.add(text("rights.restricted.meaning", locale));
    }
    if (request.type() == RequestType.OBJECTION && (doneByHand
        || changes.stream().anyMatch(c -> "RESTRICTED".equals(c.action())))) {
      done.add(text("rights.objection.erasureOnRequest", locale));
    }
    boolean objectionMet = proposals.stream().anyMatch(p -> "STOP".equals(p.outcome())
        || ("BALANCE".equals(p.outcome()) && balancingGrounds == null));
    if (request.type() == RequestType.OBJECTION && objectionMet
        && changes.stream().anyMatch(c -> ERASING.contains(c.action()))) {
      done.add(text("rights.objection.erased", locale));
    }
    List<RequestFindings.RecordedChange> erasures = changes.stream()
        .filter(c -> ERASING.contains(c.action())
            || (request.type() == RequestType.ERASURE && WorkByHand.DONE.equals(c.action())))
        .toList();
    if (!erasures.isEmpty()) {
      done.add(backupsLine(erasures, locale));
    }
    done.add(recipientsLine(reference, locale));

    boolean anyDone = doneByHand || proposals.stream()
        .anyMatch(p -> List.of("ERASE", "RESTRICT", "STOP", "WITHDRAW").contains(p.outcome())
            || ("BALANCE".equals(p.outcome()) && balancingGrounds == null));
    Outcome outcome = refused.isEmpty() ? Outcome.FULFILLED
        : anyDone ? Outcome.PARTIALLY_REFUSED : Outcome.REFUSED;
    lifecycle.recordAnswer(request, outcome.name(), String.join("\n", done),
        refused.isEmpty() ? null : String.join("\n", refused), officer);
    if (changes.stream().anyMatch(c -> ERASING.contains(c.action()))) {
      lifecycle.clearDetailsAfterErasure(reference);
    }
  }

  /**
   * Erased data stays in backups until the last backup taken before the erasure is deleted: the day of the last
   * erasure plus the longest backup retention of the systems erased in (and of Rights Desk's own, which clears the
   * request's details too). It is not used meanwhile and is erased again if a backup is restored.
   */
  private String backupsLine(List<RequestFindings.RecordedChange> erasures, Locale locale) {
    LocalDate erasedOn = erasures.stream()
        .map(c -> LocalDate.ofInstant(c.changedAt(), calendar.zone()))
        .max(LocalDate::compareTo).orElseThrow();
    LocalDate gone = backups.goneFromBackupsOn(erasedOn,
        erasures.stream().map(c -> SystemId.of(c.system())).collect(Collectors.toSet()));
    return text("rights.backups", locale, Wording.date(gone, locale));
  }

  /** Who was told of the changes (Art 19), and whom the officer found it impossible to tell, and why. */
  String recipientsLine(String reference, Locale locale) {
    List<RecipientNotices.Notice> all = notices.notices(reference);
    List<String> told = all.stream().filter(n -> "SENT".equals(n.state())).map(RecipientNotices.Notice::recipientName)
        .distinct().toList();
    List<String> lines = new ArrayList<>();
    lines.add(told.isEmpty() ? text("rights.recipients.none", locale)
        : Wording.sentence(text("rights.recipients", locale, Wording.join(told, locale))));
    all.stream().filter(n -> "NOT_SENT".equals(n.state()))
        .forEach(n -> lines.add("- " + text("rights.recipients.notSent", locale, n.recipientName(), n.reason())));
    return String.join("\n", lines);
  }

  private String article(Proposal p, Locale locale) {
    return Wording.articles(p.article(), locale) + (p.keptUntil() != null ? ", " + law(p, locale) : "");
  }

  /** The article and, wherever the table declares one, the law that requires it kept (Art 12(4), F19). */
  private String keptUnder(Proposal p, Locale locale) {
    String law = p.overridden() ? "" : law(p, locale);
    return Wording.articles(p.article(), locale) + (law.isEmpty() ? "" : ", " + law);
  }

  private String law(Proposal p, Locale locale) {
    return systems.system(SystemId.of(p.system())).record(p.table())
        .map(r -> r.retention() == null ? "" : r.retention().law(locale))
        .orElse("");
  }


  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
