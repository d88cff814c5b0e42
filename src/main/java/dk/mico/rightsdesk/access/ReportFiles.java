package dk.mico.rightsdesk.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dk.mico.rightsdesk.access.AccessReport.Item;
import dk.mico.rightsdesk.access.AccessReport.LeftOut;
import dk.mico.rightsdesk.access.AccessReport.RecipientLine;
import dk.mico.rightsdesk.access.AccessReport.SystemPart;
import dk.mico.rightsdesk.notification.ControllerProperties;
import dk.mico.rightsdesk.system.Csv;
import dk.mico.rightsdesk.system.security.InlineStylesheet;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The files of an answer: the access report for reading (HTML, and PDF made with OpenPDF) and the data for machines
 * (JSON; for portability also CSV). The JSON and CSV layouts are stable and documented in the README.
 */
@Component
class ReportFiles {

  private static final List<String> CSV_HEADER = List.of("system", "table", "record_id", "field", "value");

  /** One file of an answer. */
  record ReportFile(String name, String mediaType, byte[] content) {}

  static final int JSON_LAYOUT_VERSION = 1;

  private final SpringTemplateEngine templates;
  private final MessageSource messages;
  private final ControllerProperties controller;
  private final ObjectMapper json;
  private final InlineStylesheet reportStylesheet;

  ReportFiles(SpringTemplateEngine templates, MessageSource messages, ControllerProperties controller,
      ObjectMapper json, InlineStylesheet reportStylesheet) {
    this.templates = templates;
    this.messages = messages;
    this.controller = controller;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    this.reportStylesheet = reportStylesheet;
  }

  /** The files the subject downloads: for access the report (HTML, PDF) and JSON, for portability JSON and CSV. */
  List<ReportFile> files(AccessReport report) {
    List<ReportFile> files = new ArrayList<>();
    if (report.portability()) {
      files.add(new ReportFile("data.json", "application/json", json(report)));
      files.add(new ReportFile("data.csv", "text/csv; charset=UTF-8", csv(report)));
    } else {
      files.add(new ReportFile("report.html", "text/html; charset=UTF-8", html(report).getBytes(StandardCharsets.UTF_8)));
      files.add(new ReportFile("report.pdf", "application/pdf", pdf(report)));
      files.add(new ReportFile("data.json", "application/json", json(report)));
    }
    return files;
  }

  String html(AccessReport report) {
    Context context = new Context(report.locale());
    context.setVariable("report", report);
    context.setVariable("controller", controller);
    context.setVariable("stylesheet", reportStylesheet);
    return templates.process("access/report", context);
  }

  byte[] json(AccessReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", "rightsdesk-export");
    root.put("version", JSON_LAYOUT_VERSION);
    root.put("reference", report.reference());
    root.put("right", report.type().name());
    root.put("controller", controller.name());
    root.put("generated", report.date().toString());
    List<Map<String, Object>> systems = new ArrayList<>();
    for (SystemPart part : report.systems()) {
      Map<String, Object> system = new LinkedHashMap<>();
      system.put("system", part.id());
      system.put("name", part.name());
      system.put("purpose", part.purpose());
      system.put("legalBasis", part.legalBasis());
      system.put("retention", part.retention());
      system.put("backupRetention", part.backups());
      system.put("recipients", part.recipients().stream().map(RecipientLine::name).toList());
      List<Map<String, Object>> records = new ArrayList<>();
      for (Item item : part.items()) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("table", item.table());
        record.put("recordId", item.recordId());
        record.put("legalBasis", item.legalBasis());
        record.put("source", item.source());
        record.put("data", item.values());
        records.add(record);
      }
      system.put("records", records);
      systems.add(system);
    }
    root.put("systems", systems);
    if (report.portability()) {
      root.put("notIncluded", report.notPortable().stream().map(l -> {
        Map<String, Object> left = new LinkedHashMap<>();
        left.put("system", l.systemName());
        left.put("table", l.table());
        left.put("recordId", l.recordId());
        left.put("reasons", l.reasons());
        return left;
      }).toList());
    }
    try {
      return json.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the export could not be written as JSON", e);
    }
  }

  /**
   * One row per value: system, table, record_id, field, value (RFC 4180, UTF-8 with a byte order mark for Excel). The
   * values are the subject's data exactly as held, with no spreadsheet formula guard: the export must be unaltered.
   */
  byte[] csv(AccessReport report) {
    StringBuilder csv = new StringBuilder("\uFEFF").append(Csv.line(CSV_HEADER));
    for (SystemPart part : report.systems()) {
      for (Item item : part.items()) {
        item.values().forEach((field, value) -> csv.append(Csv.line(List.of(part.id(), item.table(),
            item.recordId(), field, value == null ? "" : value.toString()))));
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  byte[] pdf(AccessReport report) {
    Locale locale = report.locale();
    Font title = font(BaseFont.HELVETICA_BOLD, 16);
    Font heading = font(BaseFont.HELVETICA_BOLD, 12);
    Font body = font(BaseFont.HELVETICA, 10);
    Font small = font(BaseFont.HELVETICA, 8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Document document = new Document(PageSize.A4, 50, 50, 50, 50);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle(text("access.report.title", locale) + " " + report.reference());
      document.addCreator(controller.name());
      document.open();
      document.add(new Paragraph(text("access.report.title", locale), title));
      document.add(new Paragraph(text("access.report.intro", locale, report.subjectName(), report.reference(),
          report.dateInWords(), controller.name()), body));
      document.add(new Paragraph(report.foundAnything()
          ? text("access.report.confirmation.yes", locale) : text("access.report.confirmation.no", locale), body));
      if (report.unlistedCount() > 0) {
        document.add(spaced(new Paragraph(unlisted(report, locale), heading)));
      }
      for (SystemPart part : report.listedSystems()) {
        document.add(spaced(new Paragraph(part.name(), heading)));
        PdfPTable facts = new PdfPTable(new float[] {1, 3});
        facts.setWidthPercentage(100);
        row(facts, text("access.report.purpose", locale), part.purpose(), body);
        row(facts, text("access.report.categories", locale), String.join(", ", part.categories()), body);
        row(facts, text("access.report.recipients", locale), recipients(part, locale), body);
        row(facts, text("access.report.retention", locale), part.retention(), body);
        row(facts, text("access.report.backups", locale), part.backups(), body);
        document.add(facts);
        for (Item item : part.items()) {
          document.add(spaced(new Paragraph(text("access.report.record", locale, item.table(), item.recordId()),
              small)));
          PdfPTable values = new PdfPTable(new float[] {1, 3});
          values.setWidthPercentage(100);
          row(values, text("access.report.legalBasis", locale), item.legalBasis(), body);
          if (item.source() != null) {
            row(values, text("access.report.source", locale), item.source(), body);
          }
          item.fields().forEach(field -> row(values, field.label(), field.text(), body));
          document.add(values);
        }
      }
      for (String paragraph : closingParagraphs(report, locale)) {
        document.add(spaced(new Paragraph(paragraph, body)));
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the report could not be written as PDF", e);
    }
    return out.toByteArray();
  }

  /** Never a silent cut: how many records the report lists, how many it does not, and where they are. */
  String unlisted(AccessReport report, Locale locale) {
    return text("access.report.unlisted", locale, report.listLimit(), report.recordCount(), report.unlistedCount());
  }

  /** The information that holds whatever was found: rights, complaint, transfers, automated decisions, copies. */
  List<String> closingParagraphs(AccessReport report, Locale locale) {
    List<String> paragraphs = new ArrayList<>();
    if (report.redactions() > 0) {
      paragraphs.add(text("access.report.redactions", locale, report.redactions()));
    }
    if (report.officerNote() != null && !report.officerNote().isBlank()) {
      paragraphs.add(text("access.report.note", locale, controller.name()) + " " + report.officerNote());
    }
    paragraphs.add(text("access.report.rights", locale));
    paragraphs.add(text("access.report.complaint", locale, controller.authorityName(), controller.authorityAddress(),
        controller.authorityWeb()));
    paragraphs.add(text("access.report.transfers", locale) + " " + report.transfers());
    paragraphs.add(text("access.report.automated", locale) + " " + report.automatedDecisions());
    paragraphs.add(text("access.report.copies", locale));
    paragraphs.add(text("access.report.searched", locale, String.join("; ", report.searchedSystems())));
    paragraphs.add(text("access.report.rightsDesk", locale, report.earlierRequests().size(),
        String.join("; ", report.earlierRequests())));
    paragraphs.add(report.ownBackups());
    return paragraphs;
  }

  String recipients(SystemPart part, Locale locale) {
    return part.recipients().stream()
        .map(r -> r.name() + (r.role() == null ? "" : " (" + text("access.role." + r.role(), locale) + ")"))
        .reduce((a, b) -> a + "; " + b)
        .orElse(text("access.report.noRecipients", locale));
  }

  private static Paragraph spaced(Paragraph paragraph) {
    paragraph.setSpacingBefore(8);
    return paragraph;
  }

  private static void row(PdfPTable table, String label, String value, Font font) {
    PdfPCell name = new PdfPCell(new Phrase(label, font));
    name.setVerticalAlignment(Element.ALIGN_TOP);
    table.addCell(name);
    table.addCell(new PdfPCell(new Phrase(value == null ? "" : value, font)));
  }

  /** Helvetica in Windows-1252 covers Danish letters; it is one of the PDF standard fonts, so nothing is embedded. */
  private static Font font(String name, float size) {
    return FontFactory.getFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED, size);
  }

  String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  /** The officer's preview of a left-out record, for the review page. */
  static String describe(LeftOut left) {
    return left.systemName() + " · " + left.table() + " #" + left.recordId() + ": " + String.join("; ", left.reasons());
  }
}
