package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.Requests;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Every task about a request names it in Tasklist's list, so that two "Search the system by hand" rows can be told
 * apart without opening them: "Search the system by hand: DSR-2026-00012, access (Art 15)", in the staff's language.
 * Added to every user task of every process when it is deployed; a task whose process is not bound to a request
 * (an inbound e-mail) keeps its name.
 */
@Component
class TaskNamesPlugin extends AbstractProcessEnginePlugin {

  private final TaskListener naming;

  TaskNamesPlugin(ObjectProvider<Requests> requests, MessageSource messages,
      @Value("${rightsdesk.staff-language:en}") Locale staffLanguage) {
    this.naming = task -> name(task, requests.getObject(), messages, staffLanguage);
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

  private static void name(DelegateTask task, Requests requests, MessageSource messages, Locale language) {
    String reference = task.getExecution().getProcessBusinessKey();
    Optional<DataSubjectRequest> request = reference == null ? Optional.empty() : requests.findByReference(reference);
    if (request.isEmpty() || task.getName() == null || task.getName().contains(reference)) {
      return;
    }
    String right = messages.getMessage("task.right." + request.get().type().name(), null, language);
    task.setName(task.getName() + ": " + reference + ", " + right);
  }
}
