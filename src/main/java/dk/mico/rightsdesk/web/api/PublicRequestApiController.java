package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.NewRequest;
import dk.mico.rightsdesk.request.ReceivingController;
import dk.mico.rightsdesk.request.RequestIntake;
import dk.mico.rightsdesk.web.IntakeRateLimiter;
import dk.mico.rightsdesk.web.RateLimitedException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The public intake: anyone may submit a request about themselves. */
@RestController
class PublicRequestApiController {

  /** A subject's submission; {@code consents} (optional): the consents a withdrawal of consent withdraws, none = all;
   * {@code transmitTo} (optional): the controller a portability request asks the data sent to (Art 20(2)). */
  record PublicSubmission(
      String type, String name, String email, String phone, String language, String details, String objectionScope,
      List<String> consents, ReceivingController transmitTo) {}

  /** Every accepted submission gets a reference, whatever the company holds on the person. */
  record Accepted(String reference) {}

  private final RequestIntake intake;
  private final IntakeRateLimiter limiter;

  PublicRequestApiController(RequestIntake intake, IntakeRateLimiter limiter) {
    this.intake = intake;
    this.limiter = limiter;
  }

  @Operation(summary = "Submit a data-subject request", description = "Answers 202 with a reference for every "
      + "accepted submission; never reveals whether the company holds data on the person.")
  // an answer the caller cannot read is refused before anything is stored: a 406 after storing invites a duplicate
  @PostMapping(path = "/api/requests", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  Accepted submit(@RequestBody PublicSubmission body, HttpServletRequest http) {
    if (!limiter.admits(http.getRemoteAddr(), body.email())) {
      throw new RateLimitedException();
    }
    DataSubjectRequest request = intake.submitByPublic(NewRequest.fromPublic(body.type(), body.objectionScope(),
        body.name(), body.email(), body.phone(), body.language(), body.details(), body.consents(),
        body.transmitTo()));
    limiter.countAccepted(request.subject().email());
    return new Accepted(request.reference());
  }
}
