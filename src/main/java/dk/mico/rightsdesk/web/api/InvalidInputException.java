package dk.mico.rightsdesk.web.api;

import java.util.List;

/** Bad input to a JSON API call, one {@link FieldError} per bad field; answered as a 400 problem document. */
public class InvalidInputException extends RuntimeException {

  private final List<FieldError> errors;

  public InvalidInputException(List<FieldError> errors) {
    super("Invalid input: " + errors.stream().map(FieldError::field).toList());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid input names at least one field");
    }
    this.errors = List.copyOf(errors);
  }

  public InvalidInputException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
