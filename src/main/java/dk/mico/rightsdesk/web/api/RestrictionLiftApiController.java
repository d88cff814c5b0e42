package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.fulfilment.RestrictionLifts;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Lifting a restriction (Art 18(3)): a step of its own, decided by the officer, with the subject told first. */
@RestController
class RestrictionLiftApiController {

  /** Why the restriction is lifted: the subject's notice gives it. */
  record LiftBody(String reason) {}

  /** When the restriction will be lifted, after the subject's notice. */
  record LiftScheduled(String reference, LocalDate liftOn) {}

  private final RestrictionLifts lifts;

  RestrictionLiftApiController(RestrictionLifts lifts) {
    this.lifts = lifts;
  }

  @Operation(summary = "Decide to lift the restrictions a restriction request set; the subject is told first")
  @PostMapping(path = "/api/officer/requests/{reference}/restriction-lift", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  LiftScheduled lift(@PathVariable String reference, @RequestBody LiftBody body, Authentication officer) {
    RestrictionLifts.Lift lift = lifts.decide(reference, body == null ? null : body.reason(), officer.getName());
    return new LiftScheduled(reference, lift.liftOn());
  }
}
