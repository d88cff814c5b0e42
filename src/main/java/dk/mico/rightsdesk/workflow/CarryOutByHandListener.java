package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.SYSTEM_ID;
import static dk.mico.rightsdesk.workflow.RightsProcessVariables.LIFTING_RESTRICTION;

import dk.mico.rightsdesk.fulfilment.Discovery;
import dk.mico.rightsdesk.fulfilment.WorkByHand;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.ObjectionScope;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The owner group's task in a system Rights Desk cannot act in: shows what the right requires there (and, for a
 * restriction by hand, which records; on the lift path, that the restriction is lifted there), and records what was
 * done with the request (never in the process).
 */
@Component
class CarryOutByHandListener extends RequestTaskListener {

  static final String CARRIED_OUT = "carriedOut";
  static final String WHAT_WAS_DONE = "whatWasDone";
  /** The end of the task text where Rights Desk could not find the subject of a right carried out at once (F27). */
  private static final String NOT_FOUND_HERE = "every marketing list. The subject gave no e-mail address, and "
      + "nothing else identified them in this system: look them up by the name, phone number and postal address "
      + "shown here. If the system holds nothing about them, record that.";
  private static final String LIFT_BY_HAND = "Lift the restriction you set by hand in this system for this request "
      + "(Art 18(3)): the GDPR officer decided to lift it, and the subject was told when and why. From now on the "
      + "data may be used again as before the restriction. Record what you did (for example \"e-mails moved back "
      + "from the restricted folder\").";

  private final Discovery discovery;
  private final WorkByHand work;

  CarryOutByHandListener(RequestLifecycle lifecycle, Discovery discovery, WorkByHand work, TaskScreen screen) {
    super(lifecycle, screen);
    this.discovery = discovery;
    this.work = work;
  }

  /** The record filters are asked before the owners change anything: a record they erase can no longer be filtered. */
  @Override
  void created(DelegateTask task, DataSubjectRequest request) {
    if (!lifting(task)) {
      work.askRecordFilters(request.reference(), (String) task.getExecution().getVariable(SYSTEM_ID));
    }
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    String systemId = (String) task.getExecution().getVariable(SYSTEM_ID);
    Map<String, Object> fields = inputFields(CARRIED_OUT, WHAT_WAS_DONE);
    fields.put("systemName", discovery.systemName(systemId));
    fields.put("whatToDo", lifting(task) ? LIFT_BY_HAND
        : whatToDo(request, work.recordsToCarryOut(request.reference(), systemId),
            work.supplementary(request.reference()).orElse(null)));
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String owner) {
    String systemId = (String) task.getExecution().getVariable(SYSTEM_ID);
    String result = TaskScreen.field(task, CARRIED_OUT);
    String whatWasDone = TaskScreen.field(task, WHAT_WAS_DONE);
    if (lifting(task)) {
      work.recordLifted(reference, systemId, result, whatWasDone, owner);
    } else {
      work.record(reference, systemId, result, whatWasDone, owner);
    }
  }

  private static boolean lifting(DelegateTask task) {
    return Boolean.TRUE.equals(task.getExecution().getVariable(LIFTING_RESTRICTION));
  }

  private static String whatToDo(DataSubjectRequest request, List<String> records, String supplementary) {
    return switch (request.type()) {
      case ERASURE -> records.isEmpty()
          ? "Find everything the system holds on the subject and erase it (Art 17). If a law requires "
          + "something kept, keep it and tell the GDPR officer before you complete this task."
          : "Erase these records, which the system declares kept but whose legal period has ended, so the GDPR "
          + "officer decided to erase them (Art 17(1)(a)); Rights Desk does not erase them itself: "
          + String.join("; ", records) + ".";
      case RESTRICTION -> "Restrict what the system holds on the subject (Art 18): keep it stored, and make sure "
          + "no one uses it for anything else until the officer lifts the restriction."
          + (records.isEmpty() ? "" : " The officer decided to restrict these records by hand: "
          + String.join("; ", records) + ".");
      case RECTIFICATION -> supplementary != null
          ? "Add the subject's supplementary statement (Art 16) to what the system holds on them, so that whoever "
          + "uses the data sees it: " + supplementary
          : "Correct what the subject says is wrong (see what they wrote) as the GDPR officer decided (Art 16).";
      case OBJECTION -> request.objectionScope() == ObjectionScope.DIRECT_MARKETING
          ? "Stop all direct marketing to the subject in this system at once (Art 21(3)): marketing consent off, off "
          + NOT_FOUND_HERE
          : "Stop the processing the subject objected to (Art 21(1)): keep the data stored only, and "
          + "use it for nothing else.";
      case CONSENT_WITHDRAWAL -> "Withdraw the subject's consent in this system at once (Art 7(3)): erase what is "
          + "held only on their consent, keeping the proof of consent the system declares, and take them off "
          + NOT_FOUND_HERE;
      default -> throw new IllegalStateException(request.type() + " is not carried out by hand in this task");
    };
  }
}
