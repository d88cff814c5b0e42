package dk.mico.rightsdesk.recordkeeping;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import dk.mico.rightsdesk.recordkeeping.Procedure.Arrow;
import dk.mico.rightsdesk.recordkeeping.Procedure.Diagram;
import dk.mico.rightsdesk.recordkeeping.Procedure.ModelledProcess;
import dk.mico.rightsdesk.recordkeeping.Procedure.Shape;
import dk.mico.rightsdesk.recordkeeping.Procedure.Step;
import dk.mico.rightsdesk.recordkeeping.Procedure.StepKind;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The documented procedure as a PDF, for an inspector's file or the officers' binder: the same processes, steps and
 * texts as the page, each diagram drawn as vector graphics from the model's own layout, one process per landscape
 * page (more when its steps need them).
 */
@Component
public class ProcedurePdf {

  private static final float MARGIN = 36;
  /** The diagram takes at most this share of a page's height, so the first steps follow it on the same page. */
  private static final float DIAGRAM_SHARE = 0.62f;
  private static final Color INK = new Color(0x33, 0x33, 0x33);
  private static final Color CONTAINER_INK = new Color(0x88, 0x88, 0x88);

  private final BaseFont regular = baseFont(BaseFont.HELVETICA);
  private final Font title = new Font(baseFont(BaseFont.HELVETICA_BOLD), 16);
  private final Font heading = new Font(baseFont(BaseFont.HELVETICA_BOLD), 12);
  private final Font body = new Font(regular, 9);
  private final Font small = new Font(regular, 8);
  private final Font missing = new Font(regular, 8, Font.ITALIC, new Color(0xaa, 0, 0));

  /** The procedure as compiled on the given day (in words), as a PDF document. */
  public byte[] render(Procedure procedure, String compiledOn, String controllerName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Rectangle page = PageSize.A4.rotate();
    Document document = new Document(page, MARGIN, MARGIN, MARGIN, MARGIN);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      document.addTitle("Procedure for data-subject requests");
      document.addCreator(controllerName);
      document.open();
      document.add(new Paragraph("Procedure for data-subject requests", title));
      document.add(new Paragraph(controllerName + ", " + compiledOn + ". Generated from the process models that run "
          + "the requests, so it describes what the software does on that day. Every request starts in the first "
          + "process; it calls the process of the right asked for and the others where the models say so. Officer "
          + "tasks appear in Camunda Tasklist for the group named; automatic steps run as jobs that are retried and, "
          + "when they keep failing, become incidents in Camunda Cockpit with the request intact.", body));
      float width = page.getWidth() - 2 * MARGIN;
      float diagramHeight = (page.getHeight() - 2 * MARGIN) * DIAGRAM_SHARE;
      for (ModelledProcess process : procedure.processes()) {
        document.newPage();
        document.add(new Paragraph(process.name() + " (" + process.id() + ")", heading));
        if (!process.documentation().isBlank()) {
          document.add(new Paragraph(process.documentation(), body));
        }
        Image diagram = Image.getInstance(draw(writer.getDirectContent(), process.diagram()));
        diagram.scaleToFit(width, diagramHeight);
        diagram.setSpacingBefore(6);
        diagram.setSpacingAfter(6);
        document.add(diagram);
        document.add(steps(process));
      }
      document.close();
    } catch (DocumentException e) {
      throw new IllegalStateException("the procedure could not be written as PDF", e);
    }
    return out.toByteArray();
  }

  private PdfPTable steps(ModelledProcess process) throws DocumentException {
    PdfPTable table = new PdfPTable(new float[] {0.4f, 3, 1.6f, 1.2f, 6});
    table.setWidthPercentage(100);
    table.setHeaderRows(1);
    for (String header : List.of("#", "Step", "Who", "Timing", "What it does")) {
      PdfPCell cell = new PdfPCell(new Phrase(header, small));
      cell.setGrayFill(0.9f);
      table.addCell(cell);
    }
    int number = 1;
    for (Step step : process.steps()) {
      table.addCell(cell(String.valueOf(number++), small));
      table.addCell(cell(step.name() + calls(step), body));
      table.addCell(cell(step.who(), small));
      table.addCell(cell(step.timing(), small));
      table.addCell(step.undescribed() ? cell("Not yet described in the model.", missing)
          : cell(step.documentation(), small));
    }
    return table;
  }

  private static String calls(Step step) {
    if (step.calls().isBlank()) {
      return "";
    }
    return step.kind() == StepKind.DECISION_TABLE ? " (decision table " + step.calls() + ")"
        : " (" + step.calls() + ")";
  }

  private static PdfPCell cell(String text, Font font) {
    PdfPCell cell = new PdfPCell(new Phrase(text, font));
    cell.setVerticalAlignment(Element.ALIGN_TOP);
    return cell;
  }

  /** The diagram in the model's coordinates; PDF counts y upwards, the model downwards, so y is flipped. */
  private PdfTemplate draw(PdfContentByte canvas, Diagram diagram) {
    String[] box = diagram.viewBox().split(" ");
    float left = Float.parseFloat(box[0]);
    float top = Float.parseFloat(box[1]);
    float height = Float.parseFloat(box[3]);
    PdfTemplate template = canvas.createTemplate(Float.parseFloat(box[2]), height);
    Flip flip = new Flip(left, top, height);
    for (Shape shape : diagram.shapes()) {
      drawShape(template, flip, shape);
    }
    template.setColorStroke(INK);
    template.setLineWidth(1.2f);
    for (Arrow arrow : diagram.arrows()) {
      drawArrow(template, flip, arrow);
    }
    return template;
  }

  private void drawShape(PdfTemplate t, Flip flip, Shape shape) {
    float x = flip.x(shape.x());
    float bottom = flip.y(shape.y() + shape.height());
    switch (shape.form()) {
      case CONTAINER -> {
        t.setColorStroke(CONTAINER_INK);
        t.setLineWidth(1);
        t.setLineDash(4, 3, 0);
        t.roundRectangle(x, bottom, shape.width(), shape.height(), 8);
        t.stroke();
        t.setLineDash(0);
        text(t, shape.label(), x + 8, flip.y(shape.y() + 16), PdfContentByte.ALIGN_LEFT, 10);
      }
      case TASK -> {
        outline(t, 1.5f);
        t.roundRectangle(x, bottom, shape.width(), shape.height(), 8);
        t.fillStroke();
        List<String> lines = shape.labelLines();
        float first = shape.centreY() - 6 * (lines.size() - 1);
        for (int i = 0; i < lines.size(); i++) {
          text(t, lines.get(i), flip.x(shape.centreX()), flip.y(first + 12 * i) - 3, PdfContentByte.ALIGN_CENTER, 10);
        }
      }
      case EVENT -> {
        outline(t, 2);
        t.circle(flip.x(shape.centreX()), flip.y(shape.centreY()), shape.width() / 2f);
        t.fillStroke();
        below(t, flip, shape);
      }
      case GATEWAY -> {
        outline(t, 1.5f);
        t.moveTo(flip.x(shape.centreX()), flip.y(shape.y()));
        t.lineTo(flip.x(shape.x() + shape.width()), flip.y(shape.centreY()));
        t.lineTo(flip.x(shape.centreX()), flip.y(shape.y() + shape.height()));
        t.lineTo(x, flip.y(shape.centreY()));
        t.closePath();
        t.fillStroke();
        below(t, flip, shape);
      }
    }
  }

  /** Events and gateways carry their label under the shape, as a modeller draws them. */
  private void below(PdfTemplate t, Flip flip, Shape shape) {
    List<String> lines = shape.labelLines();
    for (int i = 0; i < lines.size(); i++) {
      text(t, lines.get(i), flip.x(shape.centreX()), flip.y(shape.y() + shape.height() + 12 + 11 * i),
          PdfContentByte.ALIGN_CENTER, 9);
    }
  }

  private static void outline(PdfTemplate t, float width) {
    t.setColorStroke(INK);
    t.setColorFill(Color.WHITE);
    t.setLineWidth(width);
  }

  private void text(PdfTemplate t, String text, float x, float y, int alignment, float size) {
    t.beginText();
    t.setColorFill(Color.BLACK);
    t.setFontAndSize(regular, size);
    t.showTextAligned(alignment, text, x, y, 0);
    t.endText();
  }

  /** A polyline along the waypoints with a filled head at its end. */
  private static void drawArrow(PdfTemplate t, Flip flip, Arrow arrow) {
    String[] points = arrow.points().trim().split("\\s+");
    if (points.length < 2) {
      return;
    }
    float[][] xy = new float[points.length][];
    for (int i = 0; i < points.length; i++) {
      String[] pair = points[i].split(",");
      xy[i] = new float[] {flip.x(Float.parseFloat(pair[0])), flip.y(Float.parseFloat(pair[1]))};
    }
    t.moveTo(xy[0][0], xy[0][1]);
    for (int i = 1; i < xy.length; i++) {
      t.lineTo(xy[i][0], xy[i][1]);
    }
    t.stroke();
    float[] end = xy[xy.length - 1];
    float[] from = xy[xy.length - 2];
    double angle = Math.atan2(end[1] - from[1], end[0] - from[0]);
    double spread = Math.toRadians(25);
    float length = 7;
    t.setColorFill(INK);
    t.moveTo(end[0], end[1]);
    t.lineTo((float) (end[0] - length * Math.cos(angle - spread)), (float) (end[1] - length * Math.sin(angle - spread)));
    t.lineTo((float) (end[0] - length * Math.cos(angle + spread)), (float) (end[1] - length * Math.sin(angle + spread)));
    t.closePath();
    t.fill();
  }

  /** From the model's coordinates (y downwards, from the view box's corner) to the template's (y upwards). */
  private record Flip(float left, float top, float height) {

    float x(float modelX) {
      return modelX - left;
    }

    float y(float modelY) {
      return height - (modelY - top);
    }
  }

  /** Helvetica in Windows-1252 covers Danish letters; it is one of the PDF standard fonts, so nothing is embedded. */
  private static BaseFont baseFont(String name) {
    try {
      return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException("the PDF standard font " + name + " is not available", e);
    }
  }
}
