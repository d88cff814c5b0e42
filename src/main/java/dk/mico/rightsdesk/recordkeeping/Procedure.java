package dk.mico.rightsdesk.recordkeeping;

import java.util.ArrayList;
import java.util.List;

/**
 * The documented procedure for data-subject requests, read from the deployed process models themselves, so that it
 * always says what the software does: per process its steps in the order the model reaches them, who takes each,
 * what it is for (the model's documentation, written for an officer) and the timers that govern it, with the
 * diagram as drawn in the model.
 */
public record Procedure(List<ModelledProcess> processes) {

  /** One process model: its id (fixed by the design), name, purpose, steps and diagram. */
  public record ModelledProcess(String id, String name, String documentation, List<Step> steps, Diagram diagram) {}

  /**
   * One step. {@code kind} is what takes it (officer task, automatic step, decision table, called process, timer,
   * waiting for a message); {@code who} names the group or says it is automatic; {@code timing} is the timer or due
   * date as modelled, blank when none; {@code calls} is the called process or decision table, blank when none.
   */
  public record Step(String id, StepKind kind, String name, String who, String documentation, String timing,
      String calls) {

    public boolean documented() {
      return !documentation.isBlank();
    }

    /** A step someone or the system takes must say what it does; a timer or a wait is described by its step. */
    public boolean undescribed() {
      return !documented() && kind != StepKind.TIMER && kind != StepKind.MESSAGE;
    }
  }

  /** What takes a step. */
  public enum StepKind {
    OFFICER_TASK, AUTOMATIC, DECISION_TABLE, CALLED_PROCESS, TIMER, MESSAGE
  }

  /**
   * The diagram as drawn in the model: boxes, events, gateways and the arrows between them, in the model's
   * coordinates; {@code viewBox} frames them with a margin.
   */
  public record Diagram(String viewBox, int width, List<Shape> shapes, List<Arrow> arrows) {}

  /** A shape at its modelled place; {@code form} is how it is drawn. */
  public record Shape(String elementId, ShapeForm form, int x, int y, int width, int height, String label) {

    public int centreX() {
      return x + width / 2;
    }

    public int centreY() {
      return y + height / 2;
    }

    /** The label cut into lines that fit the shape (about 6 px a character), as a modeller draws it. */
    public List<String> labelLines() {
      int perLine = Math.max(12, width / 6);
      List<String> lines = new ArrayList<>();
      StringBuilder line = new StringBuilder();
      for (String word : label.split("\\s+")) {
        if (!line.isEmpty() && line.length() + 1 + word.length() > perLine) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.isEmpty() ? "" : " ").append(word);
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
      }
      return lines;
    }
  }

  /** How a shape is drawn. */
  public enum ShapeForm {
    TASK, EVENT, GATEWAY, CONTAINER
  }

  /** An arrow along its waypoints, as SVG polyline points ("x,y x,y ..."). */
  public record Arrow(String points) {}
}
