package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.inbox.Inbox;
import dk.mico.rightsdesk.inbox.InboundEmail;
import dk.mico.rightsdesk.inbox.InboxState;
import dk.mico.rightsdesk.inbox.RequestToRegister;
import dk.mico.rightsdesk.inbox.UnknownInboundEmailException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The GDPR mailbox for the officers: the e-mails read from it, and the same actions as the Tasklist task "Register
 * the request from an e-mail" (which then ends). Managers see how many e-mails stand in each state, never who wrote
 * or what.
 */
@RestController
class InboxApiController {

  /** An e-mail as listed; the text stays on the task screen. */
  record InboxItem(long id, OffsetDateTime receivedAt, String from, String subject, String suggestedType,
      String language, InboxState state, List<String> references) {}

  record Registered(List<String> references) {}

  record DismissalInput(String reason) {}

  private final Inbox inbox;
  private final LegalCalendar calendar;

  InboxApiController(Inbox inbox, LegalCalendar calendar) {
    this.inbox = inbox;
    this.calendar = calendar;
  }

  @Operation(summary = "E-mails to the GDPR mailbox in a state (NEW, REGISTERED, NOT_A_REQUEST, ATTACHED), oldest"
      + " first, with the suggested right and language and the references of the requests made from them")
  @GetMapping("/api/officer/inbox")
  List<InboxItem> list(@RequestParam(defaultValue = "NEW") InboxState state) {
    return inbox.list(state).stream().map(this::item).toList();
  }

  @Operation(summary = "How many e-mails stand in each state; no senders, no text (officers and managers)")
  @GetMapping("/api/officer/inbox/counts")
  Map<InboxState, Long> counts() {
    return inbox.counts();
  }

  @Operation(summary = "Register one request per entry ({type, objectionScope?, consents?, details?, language?})"
      + " from the e-mail: channel EMAIL, the sender's address as the subject's, received when the mail reached the mailbox; answers"
      + " 201 with the references, and the Tasklist task ends; 409 when the e-mail was handled already")
  @PostMapping(path = "/api/officer/inbox/{id}/registration", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ApiResponse(responseCode = "201", description = "The requests were registered; their references")
  @ApiResponse(responseCode = "400", description = "A problem document naming each bad field; nothing changes")
  @ApiResponse(responseCode = "409", description = "The e-mail was handled already; nothing changes")
  ResponseEntity<Registered> register(@PathVariable long id, @RequestBody List<RequestToRegister> body,
      Authentication officer) {
    List<String> references = inbox.register(id, body, officer.getName());
    return ResponseEntity.created(URI.create("/api/officer/requests/" + references.get(0)))
        .body(new Registered(references));
  }

  @Operation(summary = "Mark the e-mail as not a request, with the reason (kept); the Tasklist task ends")
  @PostMapping(path = "/api/officer/inbox/{id}/dismissal", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  InboxItem dismiss(@PathVariable long id, @RequestBody DismissalInput body, Authentication officer) {
    inbox.dismiss(id, body.reason(), officer.getName());
    return item(inbox.get(id));
  }

  @ExceptionHandler(UnknownInboundEmailException.class)
  ResponseEntity<ProblemDetail> unknown(UnknownInboundEmailException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no e-mail with that id.");
    problem.setTitle("Unknown e-mail");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  private InboxItem item(InboundEmail email) {
    return new InboxItem(email.id(), RequestView.local(email.receivedAt(), calendar), email.from(), email.subject(),
        email.suggestedType(), email.language(), email.state(), email.references());
  }
}
