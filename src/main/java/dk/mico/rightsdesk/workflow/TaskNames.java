package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.request.DataSubjectRequest;
import dk.mico.rightsdesk.request.Requests;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A task's name in Tasklist's list names the requests it is about, so that two "Search the system by hand" rows can
 * be told apart without opening them: "Search the system by hand: DSR-2026-00012, access (Art 15)", in the staff's
 * language.
 */
@Component
class TaskNames {

  private final Requests requests;
  private final MessageSource messages;
  private final Locale staffLanguage;

  TaskNames(Requests requests, MessageSource messages, @Value("${rightsdesk.staff-language:en}") Locale staffLanguage) {
    this.requests = requests;
    this.messages = messages;
    this.staffLanguage = staffLanguage;
  }

  /** Adds each known request's reference and right to the name, once; an unknown reference is left out. */
  void name(DelegateTask task, List<String> references) {
    String named = references.stream().distinct()
        .filter(reference -> task.getName() != null && !task.getName().contains(reference))
        .map(requests::findByReference).flatMap(Optional::stream)
        .map(this::referenceAndRight)
        .collect(Collectors.joining("; "));
    if (!named.isEmpty()) {
      task.setName(task.getName() + ": " + named);
    }
  }

  private String referenceAndRight(DataSubjectRequest request) {
    return request.reference() + ", "
        + messages.getMessage("task.right." + request.type().name(), null, staffLanguage);
  }
}
