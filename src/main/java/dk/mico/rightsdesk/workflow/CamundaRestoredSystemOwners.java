package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.TASK_DUE_DATE;

import dk.mico.rightsdesk.fulfilment.RestoredSystemOwners;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The owners' task after a restore: an instance of RedoByHandAfterRestoreProcess under the request's reference. */
@Component
class CamundaRestoredSystemOwners implements RestoredSystemOwners {

  static final String PROCESS = "RedoByHandAfterRestoreProcess";
  static final String BACKUP_TAKEN_AT = "backupTakenAt";

  private final RuntimeService runtime;

  CamundaRestoredSystemOwners(RuntimeService runtime) {
    this.runtime = runtime;
  }

  @Override
  public void redoByHand(String reference, String systemId, Instant backupTakenAt, Instant dueAt) {
    // no personal data in the process: the task's screen reads what to redo from the change log
    runtime.startProcessInstanceByKey(PROCESS, reference,
        Map.of(SYSTEM_ID, systemId, BACKUP_TAKEN_AT, backupTakenAt.toString(), TASK_DUE_DATE, Date.from(dueAt)));
  }
}
