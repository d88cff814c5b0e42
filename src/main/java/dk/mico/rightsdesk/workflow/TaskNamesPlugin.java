package dk.mico.rightsdesk.workflow;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every task about a request names it in Tasklist's list (TaskNames). Added to every user task of every process when
 * it is deployed, for the request that is the process's business key; a task whose process is not bound to a request
 * (an inbound e-mail) is named by its own listener, which knows the requests the e-mail belongs to.
 */
@Component
class TaskNamesPlugin extends AbstractProcessEnginePlugin {

  private final TaskListener naming;

  /** TaskNames is fetched when the first task is created: the engine's plugins are made before the repositories. */
  TaskNamesPlugin(ObjectProvider<TaskNames> names) {
    this.naming = task -> {
      String reference = task.getExecution().getProcessBusinessKey();
      if (reference != null) {
        names.getObject().name(task, List.of(reference));
      }
    };
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, naming);
      }
    });
  }
}
