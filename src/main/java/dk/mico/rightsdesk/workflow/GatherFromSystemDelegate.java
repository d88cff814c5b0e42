package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.access.AccessCompiler;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Looks the subject up in one system and keeps what it returned for the report (one retried job per system). */
@Component
class GatherFromSystemDelegate implements JavaDelegate {

  private final AccessCompiler compiler;

  GatherFromSystemDelegate(AccessCompiler compiler) {
    this.compiler = compiler;
  }

  @Override
  public void execute(DelegateExecution execution) {
    compiler.compileSystem(execution.getProcessBusinessKey(), (String) execution.getVariable(SYSTEM_ID));
  }
}
