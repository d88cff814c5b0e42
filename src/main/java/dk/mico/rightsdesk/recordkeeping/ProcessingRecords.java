package dk.mico.rightsdesk.recordkeeping;

import dk.mico.rightsdesk.notification.ControllerProperties;
import dk.mico.rightsdesk.notification.Wording;
import dk.mico.rightsdesk.request.CustomerControllers;
import dk.mico.rightsdesk.systems.BackupRetention;
import dk.mico.rightsdesk.systems.CompanyProperties;
import dk.mico.rightsdesk.systems.CompanyProperties.RecordDeclaration;
import dk.mico.rightsdesk.systems.CompanyProperties.SystemDeclaration;
import dk.mico.rightsdesk.systems.DisclosureRegister;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The record of processing activities (Art 30), generated from the same declarations the software acts on, so that
 * it is always in step with what Rights Desk searches, erases and tells: one activity per declared system plus
 * Rights Desk's own handling of requests (Art 30(1)), and one entry per customer MICO serves as processor
 * (Art 30(2)). It holds no data subject's data.
 */
@Service
public class ProcessingRecords {

  /** The controller's record (Art 30(1)) and the processor's record (Art 30(2)), in one language. */
  public record Record(String language, Controller controller, List<Activity> activities,
      List<ProcessorActivity> processorActivities) {}

  /** Art 30(1)(a) and 30(2)(a). */
  public record Controller(String name, String address, String email, String contact) {}

  /**
   * One processing activity (Art 30(1)(b)-(g)): purposes, the categories of data subjects and personal data,
   * recipients, transfers, retention with its legal basis, the security measures, and how long backups are kept
   * (CEF 2025, F35).
   */
  public record Activity(String id, String name, String purposes, String legalBasis, String dataSubjects,
      List<String> dataCategories, List<String> recipients, String transfers, String retention,
      List<String> retentionLaws, List<String> measures, String backupRetention) {}

  /** What MICO does as processor for one customer (Art 30(2)(a)-(d)). */
  public record ProcessorActivity(String controllerName, String controllerAddress, String controllerContact,
      String agreement, String processing, String transfers, List<String> measures) {}

  private final CompanyProperties company;
  private final DisclosureRegister register;
  private final CustomerControllers customers;
  private final ControllerProperties controller;
  private final ProcessingRecordProperties properties;
  private final MessageSource messages;
  private final Duration fullRequestRecord;
  private final Duration requestRetention;
  private final BackupRetention backups;

  ProcessingRecords(CompanyProperties company, DisclosureRegister register, CustomerControllers customers,
      ControllerProperties controller, ProcessingRecordProperties properties, MessageSource messages,
      @Value("${rightsdesk.retention.full-record:P1096D}") Duration fullRequestRecord,
      @Value("${rightsdesk.retention.closed-requests:P1826D}") Duration requestRetention, BackupRetention backups) {
    this.company = company;
    this.register = register;
    this.customers = customers;
    this.controller = controller;
    this.properties = properties;
    this.messages = messages;
    this.fullRequestRecord = fullRequestRecord;
    this.requestRetention = requestRetention;
    this.backups = backups;
  }

  public Record record(Locale locale) {
    List<Activity> activities = new ArrayList<>();
    company.systems().forEach(system -> activities.add(activity(system, locale)));
    activities.add(requestHandling(locale));
    List<ProcessorActivity> processed = customers.customers().stream()
        .map(customer -> new ProcessorActivity(customer.name(), customer.address(), customer.privacyEmail(),
            customer.agreement(), customer.processing(locale), properties.transfers(locale),
            properties.measures(locale)))
        .toList();
    return new Record(locale.getLanguage(), new Controller(controller.name(), controller.address(),
        controller.email(), properties.contact(locale)), activities, processed);
  }

  /** The record as CSV for a spreadsheet: one line per activity, the processor's entries after them. */
  public void writeCsv(Locale locale, PrintWriter out) {
    Record record = record(locale);
    out.print(SpreadsheetCsv.line(List.of(text("ropa.csv.role", locale), text("ropa.activity", locale),
        text("ropa.purposes", locale), text("ropa.legalBasis", locale), text("ropa.dataSubjects", locale),
        text("ropa.dataCategories", locale), text("ropa.recipients", locale), text("ropa.transfers", locale),
        text("ropa.retention", locale), text("ropa.measures", locale), text("ropa.backups", locale))));
    for (Activity activity : record.activities()) {
      String retention = activity.retentionLaws().isEmpty() ? activity.retention()
          : activity.retention() + " " + String.join(" ", activity.retentionLaws());
      out.print(SpreadsheetCsv.line(List.of(text("ropa.csv.controller", locale), activity.name(),
          activity.purposes(), activity.legalBasis(), activity.dataSubjects(),
          String.join("; ", activity.dataCategories()), String.join("; ", activity.recipients()),
          activity.transfers(), retention, String.join("; ", activity.measures()), activity.backupRetention())));
    }
    for (ProcessorActivity activity : record.processorActivities()) {
      out.print(SpreadsheetCsv.line(List.of(text("ropa.csv.processor", locale),
          activity.controllerName() + " (" + activity.controllerContact() + ")", activity.processing(),
          activity.agreement(), "", "", "", activity.transfers(), "", String.join("; ", activity.measures()), "")));
    }
    out.flush();
  }

  private Activity activity(SystemDeclaration system, Locale locale) {
    Set<String> categories = new LinkedHashSet<>();
    List<String> laws = new ArrayList<>();
    for (RecordDeclaration record : system.records()) {
      categories.addAll(record.categories(locale));
      if (record.hasRetention()) {
        laws.add(text("ropa.retentionLaw", locale, record.retention().law(locale),
            Wording.period(Period.parse(record.retention().period().trim()), locale)));
      }
    }
    List<String> recipients = system.recipients().stream()
        .flatMap(id -> register.recipient(id).stream())
        .map(recipient -> text(recipient.processor() ? "ropa.recipient.processor" : "ropa.recipient.recipient",
            locale, recipient.name()))
        .toList();
    return new Activity(system.id(), system.name(locale), system.purpose(locale),
        Wording.articles(system.legalBasis(), locale), system.dataSubjects(locale), List.copyOf(categories),
        recipients, properties.transfers(locale), system.retention(locale), laws, properties.measures(locale),
        backupRetention(system.backupRetentionPeriod(), locale));
  }

  /** Rights Desk's own processing: the requests, letters and identity checks it keeps (Art 12-22, 5(2)). */
  private Activity requestHandling(Locale locale) {
    return new Activity("rights-desk", text("ropa.rightsDesk.name", locale), text("ropa.rightsDesk.purposes", locale),
        Wording.articles("6(1)(c)", locale), text("ropa.rightsDesk.dataSubjects", locale),
        List.of(text("ropa.rightsDesk.categories", locale).split(";\\s*")), List.of(),
        properties.transfers(locale), text("ropa.rightsDesk.retention", locale, fullRequestRecord.toDays(),
            requestRetention.toDays()),
        List.of(), properties.measures(locale), backupRetention(backups.ownBackups(), locale));
  }

  private String backupRetention(Period period, Locale locale) {
    return text("ropa.backups.kept", locale, Wording.period(period, locale));
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }
}
