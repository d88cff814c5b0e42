package dk.mico.rightsdesk.systems;

import java.util.List;

/** The declarations of the company's systems are wrong; the message lists every problem, one a line. */
public class InvalidDeclarationException extends IllegalStateException {

  private final List<String> problems;

  InvalidDeclarationException(List<String> problems) {
    super("The company's systems are declared wrongly (docs/company-systems.md):"
        + System.lineSeparator() + "  - " + String.join(System.lineSeparator() + "  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
