package dk.mico.rightsdesk.request;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receipt of a request from any channel: validate, give it a reference and a due date, start its process. */
@Service
public class RequestIntake {

  private final IntakeValidator validator;
  private final ReferenceNumbers references;
  private final Requests requests;
  private final LegalCalendar calendar;
  private final RequestWorkflow workflow;
  private final SubmissionLinks links;
  private final Clock clock;
  private final RequestOutcomes outcomes;
  private final SubmissionReceipts receipts;

  /** A submission of the public form: its requests, and the token of its receipt page. */
  public record FormSubmission(List<DataSubjectRequest> requests, String receiptToken) {}

  RequestIntake(
      IntakeValidator validator,
      ReferenceNumbers references,
      Requests requests,
      LegalCalendar calendar,
      RequestWorkflow workflow,
      SubmissionLinks links,
      Clock clock,
      RequestOutcomes outcomes,
      SubmissionReceipts receipts) {
    this.validator = validator;
    this.references = references;
    this.requests = requests;
    this.calendar = calendar;
    this.workflow = workflow;
    this.links = links;
    this.clock = clock;
    this.outcomes = outcomes;
    this.receipts = receipts;
  }

  /** A request from the subject: public web form or public API. */
  @Transactional
  public DataSubjectRequest submitByPublic(NewRequest submission) {
    return register(validator.validate(submission, false), "subject");
  }

  /**
   * A submission from the public web form naming several rights: one request per right, each with its own reference
   * and process, linked so that every record and acknowledgement names the others. Every submission is validated
   * before anything is stored, so a bad field changes nothing. The receipt page's token is made with the requests.
   */
  @Transactional
  public FormSubmission submitSeveralByPublic(List<NewRequest> submissions) {
    List<DataSubjectRequest> created = registerSeveral(submissions, false, "subject");
    return new FormSubmission(created, receipts.issue(created));
  }

  /**
   * Several requests that came together (one e-mail naming several rights), registered by the officer with their
   * real receipt time: linked as one submission, like the web form's, and validated in full before anything is
   * stored.
   */
  @Transactional
  public List<DataSubjectRequest> registerSeveralByOfficer(List<NewRequest> submissions, String officer) {
    return registerSeveral(submissions, true, officer);
  }

  private List<DataSubjectRequest> registerSeveral(List<NewRequest> submissions, boolean byOfficer, String actor) {
    if (submissions.size() == 1) {
      return List.of(register(validator.validate(submissions.get(0), byOfficer), actor));
    }
    List<IntakeValidator.ValidRequest> valid =
        submissions.stream().map(submission -> validator.validate(submission, byOfficer)).toList();
    List<DataSubjectRequest> created = valid.stream().map(v -> createRecord(v, actor)).toList();
    links.link(created);
    Instant now = clock.instant();
    for (DataSubjectRequest request : created) {
      String others = created.stream().map(DataSubjectRequest::reference)
          .filter(reference -> !reference.equals(request.reference()))
          .collect(Collectors.joining(", "));
      requests.addStep(request.id(), now, Step.LINKED_TO_SUBMISSION.name(), actor, "with " + others);
    }
    created.forEach(workflow::start);
    return created;
  }

  /** A request that came by e-mail, phone, letter (or the web) and is typed in by the officer with its real receipt time. */
  @Transactional
  public DataSubjectRequest registerByOfficer(NewRequest submission, String officer) {
    return register(validator.validate(submission, true), officer);
  }

  /**
   * The same registration for a process that is already running (the Tasklist start form): the record is created
   * in the start's transaction, and the caller binds it to its process.
   */
  @Transactional
  public DataSubjectRequest registerForRunningProcess(NewRequest submission, String officer) {
    IntakeValidator.ValidRequest valid = validator.validate(submission, true);
    return createRecord(valid, officer);
  }

  private DataSubjectRequest register(IntakeValidator.ValidRequest valid, String actor) {
    DataSubjectRequest request = createRecord(valid, actor);
    workflow.start(request);
    return request;
  }

  private DataSubjectRequest createRecord(IntakeValidator.ValidRequest valid, String actor) {
    Instant now = clock.instant();
    String reference = references.next(valid.receivedAt(), calendar.zone());
    LocalDate dueDate = calendar.dueDate(valid.receivedAt());
    boolean confirmationFirst =
        valid.channel() == Channel.WEB && !DataSubjectRequest.actsAtOnce(valid.type(), valid.objectionScope());
    RequestStatus status = confirmationFirst ? RequestStatus.AWAITING_CONFIRMATION : RequestStatus.IN_PROGRESS;
    long id = requests.insert(reference, valid, dueDate, status, null, now);
    requests.addStep(id, now, Step.RECEIVED.name(), actor, "channel " + valid.channel());
    outcomes.closeIfDuplicate(id);
    return requests.findById(id).orElseThrow();
  }
}
