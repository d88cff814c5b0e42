package dk.mico.rightsdesk.request;

import java.util.List;

/** A submission with bad fields; nothing was stored. */
public class InvalidRequestException extends RuntimeException {

  /** One bad field and what is wrong with it, in words a person can act on. */
  public record Violation(String field, String message) {}

  private final List<Violation> violations;

  public InvalidRequestException(List<Violation> violations) {
    super("Invalid fields: " + violations.stream().map(Violation::field).toList());
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  /** One line per field, for screens that show a single message (Tasklist). */
  public String describe() {
    return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
  }
}
