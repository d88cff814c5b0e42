package dk.mico.rightsdesk.web.api;

import dk.mico.rightsdesk.request.RequestActionRefusedException;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.UnknownRequestException;
import dk.mico.rightsdesk.web.RateLimitedException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem documents for what the request record refuses: bad fields, an unknown reference, too many submissions. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = RequestProblemHandler.class)
class RequestProblemHandler {

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<ProblemDetail> invalid(InvalidRequestException e) {
    return ResponseEntity.badRequest().body(ApiProblemHandler.invalidInput(
        e.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList()));
  }

  @ExceptionHandler(UnknownRequestException.class)
  ResponseEntity<ProblemDetail> unknown(UnknownRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no request with that reference.");
    problem.setTitle("Unknown request");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  @ExceptionHandler(RequestActionRefusedException.class)
  ResponseEntity<ProblemDetail> refused(RequestActionRefusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Not allowed for this request now");
    problem.setType(URI.create("tag:mico.dk,2025:rights-desk:problem:not-allowed-now"));
    return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
  }

  @ExceptionHandler(RateLimitedException.class)
  ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
    problem.setTitle("Too many submissions");
    problem.setType(URI.create("tag:mico.dk,2025:rights-desk:problem:rate-limited"));
    return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "3600").body(problem);
  }
}
