package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.fulfilment.RequestFindings;
import dk.mico.rightsdesk.notification.LetterArchive;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.InvalidRequestException.Violation;
import dk.mico.rightsdesk.request.NewRequest;
import dk.mico.rightsdesk.request.ReceivingController;
import dk.mico.rightsdesk.request.RequestIntake;
import dk.mico.rightsdesk.request.RequestDeadlines;
import dk.mico.rightsdesk.request.RequestLifecycle;
import dk.mico.rightsdesk.request.RequestMarks;
import dk.mico.rightsdesk.request.RequestOutcomes;
import dk.mico.rightsdesk.request.Requests;
import dk.mico.rightsdesk.request.SubmissionLinks;
import dk.mico.rightsdesk.system.security.Groups;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The officers' and managers' API: register requests from other channels and follow every request. */
@RestController
class OfficerRequestApiController {

  /** A request that came by e-mail, phone or letter, typed in by the officer. */
  record OfficerSubmission(
      String type, String objectionScope, String name, String email, String phone, String postalAddress,
      String language, String details, String channel, String receivedAt, Boolean identityVerified,
      String identityNote, RepresentativeInput representative, List<String> consents,
      ReceivingController transmitTo) {}

  record RepresentativeInput(String name, Boolean mandateChecked) {}

  record Registered(String reference, OffsetDateTime receivedAt, LocalDate dueDate) {}

  private final RequestIntake intake;
  private final RequestLifecycle lifecycle;
  private final Requests requests;
  private final LetterArchive letters;
  private final LegalCalendar calendar;
  private final RequestFindings findings;
  private final SubmissionLinks submissionLinks;
  private final RequestMarks marks;
  private final RequestDeadlines deadlines;
  private final RequestOutcomes outcomes;

  OfficerRequestApiController(RequestIntake intake, RequestLifecycle lifecycle, Requests requests,
      LetterArchive letters, LegalCalendar calendar, RequestFindings findings, SubmissionLinks submissionLinks,
      RequestMarks marks, RequestDeadlines deadlines, RequestOutcomes outcomes) {
    this.submissionLinks = submissionLinks;
    this.findings = findings;
    this.marks = marks;
    this.deadlines = deadlines;
    this.outcomes = outcomes;
    this.intake = intake;
    this.lifecycle = lifecycle;
    this.requests = requests;
    this.letters = letters;
    this.calendar = calendar;
  }

  @Operation(summary = "Register a request that came by e-mail, phone or letter, with its real receipt time")
  @PostMapping(path = "/api/officer/requests", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Registered> register(@RequestBody OfficerSubmission body, Authentication officer) {
    RepresentativeInput representative = body.representative();
    DataSubjectRequest request = intake.registerByOfficer(new NewRequest(body.type(), body.objectionScope(),
        body.name(), body.email(), body.phone(), body.postalAddress(), body.language(), body.details(),
        body.channel(), parseReceivedAt(body.receivedAt()), body.identityVerified(), body.identityNote(),
        representative == null ? null : representative.name(),
        representative == null ? null : representative.mandateChecked(), body.consents(), body.transmitTo()), officer.getName());
    return ResponseEntity.created(URI.create("/api/officer/requests/" + request.reference()))
        .body(new Registered(request.reference(), RequestView.local(request.receivedAt(), calendar),
            request.dueDate()));
  }

  @Operation(summary = "One request: its deadlines, status, outcome and history; contact data for officers only")
  @GetMapping("/api/officer/requests/{reference}")
  RequestView get(@PathVariable String reference, Authentication caller) {
    DataSubjectRequest request = lifecycle.get(reference);
    boolean officer = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Groups.ROLE_OFFICER));
    RequestView.Casework casework = officer ? new RequestView.Casework(letters.forRequest(reference),
        findings.all(request.id()), findings.changes(request.id())) : null;
    return RequestView.of(request, requests.steps(request.id()), casework, officer, calendar)
        .withLinkedReferences(submissionLinks.siblingsOf(reference))
        .with(RequestView.Outcomes.of(marks.of(request.id()), calendar));
  }

  @Operation(summary = "Requests, the open ones with open=true; no contact data")
  @GetMapping("/api/officer/requests")
  List<RequestView> list(@RequestParam(defaultValue = "false") boolean open) {
    List<DataSubjectRequest> listed = requests.list(open);
    Map<Long, RequestMarks.Marks> marked = marks.of(listed.stream().map(DataSubjectRequest::id).toList());
    return listed.stream().map(r -> RequestView.of(r, null, null, false, calendar)
        .with(RequestView.Outcomes.of(marked.get(r.id()), calendar))).toList();
  }

  record ExtensionInput(String reasonCode, String reason) {}

  record Extended(String reference, LocalDate dueDate, LocalDate originalDueDate, boolean extended) {}

  record RefusalInput(String ground, String reason, String facts) {}

  record FeeInput(String ground, Integer amount, String reason, String facts) {}

  record ForwardingInput(String customer, String reason, boolean ownDataToo) {}

  @Operation(summary = "Extend the deadline by two further months (Art 12(3)): once, within the first month, with"
      + " a reason code (COMPLEXITY or NUMBER_OF_REQUESTS) and the reasons for the subject's letter")
  @PostMapping(path = "/api/officer/requests/{reference}/extension", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Extended extend(@PathVariable String reference, @RequestBody ExtensionInput body, Authentication officer) {
    DataSubjectRequest extended = deadlines.extend(reference, body.reasonCode(), body.reason(), officer.getName());
    return new Extended(extended.reference(), extended.dueDate(), extended.originalDueDate(), extended.extended());
  }

  @Operation(summary = "The subject's other requests (same e-mail address), newest first, for a judgement under"
      + " Art 12(5); facts only, no content")
  @GetMapping("/api/officer/requests/{reference}/earlier-requests")
  List<RequestMarks.EarlierRequest> earlierRequests(@PathVariable String reference) {
    return outcomes.earlierRequests(reference);
  }

  @Operation(summary = "Refuse a manifestly unfounded or excessive request (Art 12(5)) with the reason for the"
      + " Art 12(4) letter and, for an excessive one, the facts that show it; the request then closes as REFUSED."
      + " Never a withdrawal of consent or an objection to direct marketing (409)")
  @PostMapping(path = "/api/officer/requests/{reference}/refusal", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> refuse(@PathVariable String reference, @RequestBody RefusalInput body, Authentication officer) {
    outcomes.refuse(reference, body.ground(), body.reason(), body.facts(), officer.getName());
    return ResponseEntity.accepted().build();
  }

  @Operation(summary = "Announce a reasonable fee (Art 12(5)) to the subject before acting, with the reason and, for"
      + " an excessive request, the facts that show it. Never for a withdrawal of consent or an objection to direct"
      + " marketing (409)")
  @PostMapping(path = "/api/officer/requests/{reference}/fee", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> announceFee(@PathVariable String reference, @RequestBody FeeInput body,
      Authentication officer) {
    outcomes.announceFee(reference, body.ground(), body.amount(), body.reason(), body.facts(),
        officer.getName());
    return ResponseEntity.accepted().build();
  }

  @Operation(summary = "Forward a request about data MICO holds for a customer to that customer, the controller"
      + " (gdpr-rules.md §4); the subject is told who the controller is, and the request closes. With"
      + " ownDataToo=true only the customer's part is forwarded and the request goes on for MICO's own data. Only"
      + " after the e-mail was confirmed or identity verified (409)")
  @PostMapping(path = "/api/officer/requests/{reference}/forwarding", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> forward(@PathVariable String reference, @RequestBody ForwardingInput body,
      Authentication officer) {
    outcomes.forward(reference, body.customer(), body.reason(), body.ownDataToo(), officer.getName());
    return ResponseEntity.accepted().build();
  }

  private static Instant parseReceivedAt(String value) {
    if (value == null || value.isBlank()) {
      return null; // reported by validation with every other missing field
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidRequestException(List.of(new Violation("receivedAt",
          "must be an ISO-8601 date and time with an offset, e.g. 2026-11-25T09:30:00+01:00")));
    }
  }
}
