package dk.mico.rightsdesk.web.api;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns bad input to the JSON API into RFC 9457 problem documents with one entry per bad field in {@code errors}.
 *
 * <p>It extends {@link ResponseEntityExceptionHandler} so that every other Spring MVC error is a problem document
 * too, and so that Spring Boot's own problem-details handler stays out of the way.
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

  /** A tag URI (RFC 4151): an identifier for the problem type that is not meant to be dereferenced. */
  static final URI INVALID_INPUT_TYPE = URI.create("tag:mico.dk,2025:rights-desk:problem:invalid-input");

  static final String INVALID_INPUT_TITLE = "Invalid input";

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> handleInvalidInput(InvalidInputException exception) {
    return ResponseEntity.badRequest().body(invalidInput(exception.errors()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      org.springframework.http.converter.HttpMessageNotReadableException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // a value of the wrong type names its field; a body that is not JSON at all names the body
    String field = exception.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
        && !mapping.getPath().isEmpty()
        ? mapping.getPath().stream()
            .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                : String.valueOf(reference.getIndex()))
            .collect(Collectors.joining("."))
        : "body";
    String message = field.equals("body")
        ? "is not a JSON object of the documented shape"
        : "has a value of the wrong type";
    return handleExceptionInternal(exception, invalidInput(List.of(new FieldError(field, message))), headers,
        HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    FieldError error = new FieldError(exception.getParameterName(), "is required");
    return handleExceptionInternal(
        exception, invalidInput(List.of(error)), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String field =
        exception instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : exception.getPropertyName();
    String expected =
        exception.getRequiredType() == null ? "" : ": expected " + exception.getRequiredType().getSimpleName();
    FieldError error = new FieldError(field, "has an invalid value" + expected);
    return handleExceptionInternal(
        exception, invalidInput(List.of(error)), headers, HttpStatus.BAD_REQUEST, request);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException exception,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        exception.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
            .collect(Collectors.toList());
    exception.getBindingResult().getGlobalErrors().stream()
        .map(error -> new FieldError(error.getObjectName(), error.getDefaultMessage()))
        .forEach(errors::add);
    return handleExceptionInternal(exception, invalidInput(errors), headers, HttpStatus.BAD_REQUEST, request);
  }

  static ProblemDetail invalidInput(List<FieldError> errors) {
    String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "These fields are invalid: " + fields + ".");
    problem.setType(INVALID_INPUT_TYPE);
    problem.setTitle(INVALID_INPUT_TITLE);
    problem.setProperty("errors", errors);
    return problem;
  }
}
