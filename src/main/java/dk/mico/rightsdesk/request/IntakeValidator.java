package dk.mico.rightsdesk.request;

import static dk.mico.rightsdesk.request.TextRules.FREE_TEXT;
import static dk.mico.rightsdesk.request.TextRules.SINGLE_LINE;

import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.systems.Consent;
import dk.mico.rightsdesk.systems.CompanySystems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Checks a submission field by field and names every bad one, so that nothing half-valid is ever stored. */
@Component
class IntakeValidator {

  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,30}$");
  // A receipt time a few seconds ahead of this node's clock is another node's clock, not the future.
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  private final Clock clock;
  private final CompanySystems systems;

  IntakeValidator(Clock clock, CompanySystems systems) {
    this.clock = clock;
    this.systems = systems;
  }

  ValidRequest validate(NewRequest in, boolean byOfficer) {
    List<Violation> bad = new ArrayList<>();
    RequestType type = parse(RequestType.class, in.type(), "type", true, bad);
    ObjectionScope scope = parse(ObjectionScope.class, in.objectionScope(), "objectionScope", false, bad);
    if (type == RequestType.OBJECTION && scope == null && !present(in.objectionScope())) {
      bad.add(new Violation("objectionScope", "is required for an objection: DIRECT_MARKETING or GENERAL"));
    }
    if (type != null && type != RequestType.OBJECTION && present(in.objectionScope())) {
      bad.add(new Violation("objectionScope", "applies only to objections"));
    }
    List<String> consents = consents(in.consents(), type, bad);
    ReceivingController transmitTo = transmitTo(in.transmitTo(), type, bad);
    String name = text(in.name(), "name", 200, true, SINGLE_LINE, bad);
    String postalAddress = text(in.postalAddress(), "postalAddress", 500, false, FREE_TEXT, bad);
    if (!byOfficer && present(in.postalAddress())) {
      bad.add(new Violation("postalAddress", "is not accepted here; give an e-mail address"));
    }
    // a web request is confirmed by e-mail, so it needs an address even when the officer types it in
    boolean emailRequired = !byOfficer || postalAddress == null || Channel.WEB.name().equals(in.channel());
    String email = text(in.email(), "email", 254, emailRequired, SINGLE_LINE, bad);
    String emailProblem = email == null ? null : EmailAddressSyntax.problemWith(email);
    if (emailProblem != null) {
      bad.add(new Violation("email", emailProblem));
    } else if (email == null && emailRequired && byOfficer && !present(in.email())) {
      replace(bad, "email", "is required unless a postal address is given");
    }
    String phone = text(in.phone(), "phone", 40, false, SINGLE_LINE, bad);
    if (phone != null && !PHONE.matcher(phone).matches()) {
      bad.add(new Violation("phone", "is not a phone number"));
    }
    Language language = present(in.language())
        ? parse(Language.class, in.language().toLowerCase(Locale.ROOT), "language", false, bad)
        : Language.da;
    String details = text(in.details(), "details", 4000, false, FREE_TEXT, bad);
    Channel channel = parse(Channel.class, in.channel(), "channel", true, bad);

    Instant receivedAt = in.receivedAt();
    Instant now = clock.instant();
    if (byOfficer) {
      if (receivedAt == null) {
        bad.add(new Violation("receivedAt", "is required: when the request reached the company"));
      } else if (receivedAt.isAfter(now.plus(CLOCK_SKEW))) {
        bad.add(new Violation("receivedAt", "cannot be in the future"));
      }
    } else {
      receivedAt = now;
    }

    boolean identityVerified = Boolean.TRUE.equals(in.identityVerified());
    String identityNote = text(in.identityNote(), "identityNote", 1000, false, FREE_TEXT, bad);
    if (identityVerified && identityNote == null && !present(in.identityNote())) {
      bad.add(new Violation("identityNote", "is required when identity is recorded as verified: say how"));
    }
    String representativeName = text(in.representativeName(), "representative.name", 200, false, SINGLE_LINE, bad);
    boolean mandateChecked = Boolean.TRUE.equals(in.representativeMandateChecked());
    if (representativeName == null && mandateChecked) {
      bad.add(new Violation("representative.name", "is required when a mandate was checked"));
    }
    if (representativeName != null && identityVerified && !mandateChecked) {
      bad.add(new Violation(
          "representative.mandateChecked", "must be checked before identity can be recorded as verified"));
    }
    if (!bad.isEmpty()) {
      throw new InvalidRequestException(bad);
    }
    return new ValidRequest(
        type,
        scope,
        channel,
        language,
        receivedAt,
        new Subject(name, email == null ? null : email.toLowerCase(Locale.ROOT), phone, postalAddress),
        details,
        representativeName == null ? null : new Representative(representativeName, mandateChecked),
        identityVerified,
        identityNote,
        consents,
        transmitTo);
  }

  /** The other controller a portability request asks the data sent to (Art 20(2)): a name and a valid address. */
  private static ReceivingController transmitTo(ReceivingController given, RequestType type, List<Violation> bad) {
    if (given == null || !present(given.name()) && !present(given.email())) {
      return null;
    }
    if (type != null && type != RequestType.PORTABILITY) {
      bad.add(new Violation("transmitTo", "applies only to a portability request"));
      return null;
    }
    String name = text(given.name(), "transmitTo.name", 200, true, SINGLE_LINE, bad);
    String email = text(given.email(), "transmitTo.email", 254, true, SINGLE_LINE, bad);
    String emailProblem = email == null ? null : EmailAddressSyntax.problemWith(email);
    if (emailProblem != null) {
      bad.add(new Violation("transmitTo.email", emailProblem));
      return null;
    }
    return name == null || email == null ? null : new ReceivingController(name, email.toLowerCase(Locale.ROOT));
  }

  /** The consents withdrawn, each a declared one; none given means every consent (as before the choice existed). */
  private List<String> consents(List<String> given, RequestType type, List<Violation> bad) {
    List<String> chosen = given == null ? List.of()
        : given.stream().filter(IntakeValidator::present).map(String::strip).distinct().toList();
    if (chosen.isEmpty()) {
      return List.of();
    }
    if (type != null && type != RequestType.CONSENT_WITHDRAWAL) {
      bad.add(new Violation("consents", "applies only to a withdrawal of consent"));
      return List.of();
    }
    List<String> declared = systems.consents().stream().map(Consent::id).toList();
    if (!declared.containsAll(chosen)) {
      bad.add(new Violation("consents", "must name consents from " + declared));
      return List.of();
    }
    return declared.stream().filter(chosen::contains).toList();
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String text(
      String value, String field, int maxLength, boolean required, TextRules rules, List<Violation> bad) {
    if (!present(value)) {
      if (required) {
        bad.add(new Violation(field, "is required"));
      }
      return null;
    }
    String trimmed = value.strip();
    if (trimmed.length() > maxLength) {
      bad.add(new Violation(field, "is longer than " + maxLength + " characters"));
      return null;
    }
    String problem = rules.problemWith(trimmed);
    if (problem != null) {
      bad.add(new Violation(field, problem));
      return null;
    }
    return trimmed;
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String field, boolean required, List<Violation> bad) {
    if (!present(value)) {
      if (required) {
        bad.add(new Violation(field, "is required; one of " + java.util.Arrays.toString(type.getEnumConstants())));
      }
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      bad.add(new Violation(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private static void replace(List<Violation> bad, String field, String message) {
    bad.removeIf(v -> v.field().equals(field));
    bad.add(new Violation(field, message));
  }

  /** A submission whose every field passed. */
  record ValidRequest(
      RequestType type,
      ObjectionScope objectionScope,
      Channel channel,
      Language language,
      Instant receivedAt,
      Subject subject,
      String details,
      Representative representative,
      boolean identityVerified,
      String identityNote,
      List<String> consents,
      ReceivingController transmitTo) {}
}
