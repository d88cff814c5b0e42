package dk.mico.rightsdesk.workflow;

import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.NOT_FEASIBLE_REASON;
import static dk.mico.rightsdesk.workflow.AccessRequestProcessVariables.TRANSMISSION;

import dk.mico.rightsdesk.access.Deliveries;
import dk.mico.rightsdesk.access.Transmissions;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.RequestLifecycle;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The officer's task of sending a portability answer's files to the controller the subject named (Art 20(2)): shows
 * the controller and where the files are, and records whether they were sent or why that was not technically
 * feasible (with the request, never in the process).
 */
@Component
class TransmissionListener extends RequestTaskListener {

  private final Transmissions transmissions;
  private final Deliveries deliveries;

  TransmissionListener(RequestLifecycle lifecycle, Transmissions transmissions, Deliveries deliveries,
      TaskScreen screen) {
    super(lifecycle, screen);
    this.transmissions = transmissions;
    this.deliveries = deliveries;
  }

  @Override
  Map<String, Object> fields(DelegateTask task, DataSubjectRequest request) {
    Map<String, Object> fields = inputFields(TRANSMISSION, NOT_FEASIBLE_REASON);
    fields.put("controllerName", request.transmitTo().name());
    fields.put("controllerEmail", request.transmitTo().email());
    fields.put("filesPage", deliveries.filesToSendPage(request.reference()));
    return fields;
  }

  @Override
  void completed(DelegateTask task, String reference, String officer) {
    transmissions.record(reference, TaskScreen.field(task, TRANSMISSION), TaskScreen.field(task, NOT_FEASIBLE_REASON),
        officer);
  }
}
