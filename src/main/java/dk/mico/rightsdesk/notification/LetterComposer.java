package dk.mico.rightsdesk.notification;

import dk.mico.rightsdesk.deadline.LegalCalendar;
import dk.mico.rightsdesk.request.DataSubjectRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes letters from the text templates under templates/letters/{language}/. The first line of a template is the
 * subject line; the rest is the body.
 */
@Component
class LetterComposer {

  /** A composed letter before it is archived. */
  record Composed(String subjectLine, String body) {}

  private final SpringTemplateEngine engine = new SpringTemplateEngine();
  private final MessageSource messages;
  private final ControllerProperties controller;
  private final PublicUrl publicUrl;
  private final LegalCalendar calendar;
  private final Clock clock;

  LetterComposer(ControllerProperties controller, PublicUrl publicUrl, MessageSource messages, LegalCalendar calendar,
      Clock clock) {
    this.messages = messages;
    this.controller = controller;
    this.publicUrl = publicUrl;
    this.calendar = calendar;
    this.clock = clock;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/letters/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);
  }

  Composed compose(DataSubjectRequest request, LetterKind kind, Map<String, Object> extra) {
    Locale locale = request.language().locale();
    Context context = new Context(locale);
    Map<String, Object> model = new HashMap<>();
    model.put("request", request);
    model.put("greeting", greeting(request.subject().name(), locale));
    model.put("wording", new Wording.In(locale));
    model.put("controller", controller);
    model.put("publicUrl", publicUrl.base());
    model.put("receivedDate", Wording.date(calendar.receiptDate(request.receivedAt()), locale));
    model.put("dueDate", Wording.date(request.dueDate(), locale));
    // instants are shown as the controller's local time; a preview may give the due date a letter will bring
    extra.forEach((name, value) ->
        model.put(name, value instanceof java.time.Instant instant ? instant.atZone(calendar.zone()) : value));
    // a request registered late (a letter found after its deadline): no letter promises a date in the past
    model.put("deadlinePassed", request.dueDate().isBefore(calendar.receiptDate(clock.instant())));
    context.setVariables(model);
    String text = engine.process(request.language().name() + "/" + kind.template(), context).strip();
    int firstLineEnd = text.indexOf('\n');
    return new Composed(text.substring(0, firstLineEnd).strip(), text.substring(firstLineEnd + 1).strip() + "\n");
  }

  /**
   * "Kære Ole Brandt"; a request registered from an e-mail that gave no name has the sender's address for one, and
   * nobody is greeted by their address.
   */
  private String greeting(String name, Locale locale) {
    return name == null || name.isBlank() || name.contains("@")
        ? messages.getMessage("letter.greeting.unnamed", null, locale)
        : messages.getMessage("letter.greeting.named", new Object[] {name.strip()}, locale);
  }
}
