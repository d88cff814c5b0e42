package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.CamundaRestoredSystemOwners.BACKUP_TAKEN_AT;
import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.RestoreReplay;
import dk.mico.rightsdesk.fulfilment.WorkByHand;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The owner group's task after their system was restored from a backup: shows what they did there by hand for the
 * request since the backup, and records with the request that they did it again.
 */
@Component
class RedoByHandAfterRestoreListener extends RequestTaskListener {

  /** The by-hand work, as its owners know it from their first task. */
  private static final Map<String, String> WHAT = Map.of(
      WorkByHand.DONE, "carried out by hand",
      WorkByHand.LIFTED, "restriction lifted by hand");

  private final Discovery discovery;
  private final RestoreReplay replay;
  private final TaskScreen screen;

  RedoByHandAfterRestoreListener(RequestLifecycle lifecycle, Discovery discovery, RestoreReplay replay,
      TaskScreen screen) {
    super(lifecycle, screen);
    this.discovery = discovery;
    this.replay = replay;
    this.screen = screen;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    String systemId = (String) task.getExecution().getVariable(SYSTEM_ID);
    Instant backupTakenAt = backupTakenAt(task);
    Map<String, Object> fields = new HashMap<>();
    fields.put("systemName", discovery.systemName(systemId));
    fields.put("backupTaken", screen.receivedAt(backupTakenAt));
    fields.put("whatToRedo", replay.doneByHandSince(request.reference(), systemId, backupTakenAt).stream()
        .map(done -> screen.receivedAt(done.doneAt()) + ", " + WHAT.getOrDefault(done.action(), done.action()) + ": "
            + done.whatWasDone())
        .collect(Collectors.joining("\n")));
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String owner) {
    replay.recordRedoneByHand(reference, (String) task.getExecution().getVariable(SYSTEM_ID), backupTakenAt(task),
        owner);
  }

  private static Instant backupTakenAt(DelegateTask task) {
    return Instant.parse((String) task.getExecution().getVariable(BACKUP_TAKEN_AT));
  }
}
