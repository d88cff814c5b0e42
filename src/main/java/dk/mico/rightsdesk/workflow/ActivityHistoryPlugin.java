package dk.mico.rightsdesk.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevelActivity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * History level {@code activity} (the configured one, same id and name, so a database written before keeps
 * working) without the activity instances of the steps that pass at once and say nothing a task does not: gateways
 * that never wait and the body of a multi-instance step (each system's instance is kept). On the objection path
 * these were a third of the history rows; nothing of ours reads them (the audit is the request's own steps), and
 * Cockpit still shows every task, event, call and process with its start and end.
 */
@Component
class ActivityHistoryPlugin extends AbstractProcessEnginePlugin {

  private static final Set<String> NOT_KEPT =
      Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway", "multiInstanceBody");

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomHistoryLevels());
    // the engine takes the last level whose name matches camunda.bpm.history-level, so this one replaces its own
    levels.add(new ActivityWithoutPassingSteps());
    configuration.setCustomHistoryLevels(levels);
  }

  static final class ActivityWithoutPassingSteps extends HistoryLevelActivity {

    private static final String ACTIVITY_INSTANCE = HistoryEventTypes.ACTIVITY_INSTANCE_START.getEntityType();

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
      return !(ACTIVITY_INSTANCE.equals(eventType.getEntityType()) && entity instanceof ExecutionEntity execution
          && execution.getActivity() != null && NOT_KEPT.contains(execution.getActivity().getProperty("type")))
          && super.isHistoryEventProduced(eventType, entity);
    }
  }
}
