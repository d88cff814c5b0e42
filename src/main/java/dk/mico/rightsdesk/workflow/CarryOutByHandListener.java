package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.WorkByHand;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.InvalidRequestException;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The owner group's task in a system Rights Desk cannot act in: shows what the right requires there (and, for a
 * restriction by hand, which records), and records what was done with the request (never in the process).
 */
@Component
class CarryOutByHandListener implements TaskListener {

  static final String CARRIED_OUT = "carriedOut";
  static final String WHAT_WAS_DONE = "whatWasDone";

  private final RequestLifecycle lifecycle;
  private final Discovery discovery;
  private final WorkByHand work;
  private final TaskScreen screen;

  CarryOutByHandListener(RequestLifecycle lifecycle, Discovery discovery, WorkByHand work, TaskScreen screen) {
    this.lifecycle = lifecycle;
    this.discovery = discovery;
    this.work = work;
    this.screen = screen;
  }

  @Override
  public void notify(DelegateTask task) {
    String reference = task.getExecution().getProcessBusinessKey();
    String systemId = (String) task.getExecution().getVariable(SYSTEM_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      DataSubjectRequest request = lifecycle.get(reference);
      screen.showRequest(task, request);
      Map<String, Object> fields = new HashMap<>();
      fields.put("systemName", discovery.systemName(systemId));
      fields.put("whatToDo", whatToDo(request, work.recordsToRestrict(reference, systemId),
          work.supplementary(reference).orElse(null)));
      fields.put(CARRIED_OUT, null);
      fields.put(WHAT_WAS_DONE, null);
      task.setVariablesLocal(fields);
      return;
    }
    try {
      work.record(reference, systemId, TaskScreen.field(task, CARRIED_OUT), TaskScreen.field(task, WHAT_WAS_DONE),
          Officers.current(task.getProcessEngineServices()));
    } catch (InvalidRequestException e) {
      throw TaskScreen.formError(e);
    }
  }

  private static String whatToDo(DataSubjectRequest request, List<String> recordsToRestrict, String supplementary) {
    return switch (request.type()) {
      case ERASURE -> "Find everything the system holds on the subject and erase it (Art 17). If a law requires "
          + "something kept, keep it and tell the GDPR officer before you complete this task.";
      case RESTRICTION -> "Restrict what the system holds on the subject (Art 18): keep it stored, and make sure "
          + "no one uses it for anything else until the officer lifts the restriction."
          + (recordsToRestrict.isEmpty() ? "" : " The officer decided to restrict these records by hand: "
          + String.join("; ", recordsToRestrict) + ".");
      case RECTIFICATION -> supplementary != null
          ? "Add the subject's supplementary statement (Art 16) to what the system holds on them, so that whoever "
          + "uses the data sees it: " + supplementary
          : "Correct what the subject says is wrong (see what they wrote) as the GDPR officer decided (Art 16).";
      case OBJECTION -> "Stop the processing the subject objected to (Art 21(1)): keep the data stored only, and "
          + "use it for nothing else.";
      default -> throw new IllegalStateException(request.type() + " is not carried out by hand in this task");
    };
  }
}
