package dk.mico.rightsdesk.systems;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * When the start fails on a wrong declaration, Spring Boot shows the list of problems itself rather than a stack of
 * binding exceptions. Ordered first, so the generic binding analysis does not answer instead.
 */
public class DeclarationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDeclarationException>
    implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidDeclarationException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Correct the declarations under rightsdesk.company; docs/company-systems.md describes each field.",
        cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
