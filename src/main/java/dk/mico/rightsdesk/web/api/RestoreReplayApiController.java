package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.fulfilment.RestoreReplay;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * After a system is restored from a backup, the officer has the changes the requests made there since the backup done
 * again, and gets the list of what its owners must redo by hand (F35).
 */
@RestController
class RestoreReplayApiController {

  /** The restored system and when the backup it was restored from was taken. */
  record RestoreBody(String system, Instant backupTakenAt) {}

  private final RestoreReplay replay;

  RestoreReplayApiController(RestoreReplay replay) {
    this.replay = replay;
  }

  @Operation(summary = "Do again, in a system restored from a backup, every erasure, correction, restriction and "
      + "marketing stop done there since the backup; list what its owners did by hand, to redo")
  @PostMapping(path = "/api/officer/restores", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  RestoreReplay.Report replay(@RequestBody RestoreBody body, Authentication officer) {
    return replay.replay(body.system(), body.backupTakenAt(), officer.getName());
  }
}
