package dk.mico.rightsdesk.workflow;

import dk.mico.rightsdesk.recordkeeping.ProcessModels;
import dk.mico.rightsdesk.recordkeeping.Procedure;
import dk.mico.rightsdesk.recordkeeping.Procedure.Arrow;
import dk.mico.rightsdesk.recordkeeping.Procedure.Diagram;
import dk.mico.rightsdesk.recordkeeping.Procedure.ModelledProcess;
import dk.mico.rightsdesk.recordkeeping.Procedure.Shape;
import dk.mico.rightsdesk.recordkeeping.Procedure.ShapeForm;
import dk.mico.rightsdesk.recordkeeping.Procedure.Step;
import dk.mico.rightsdesk.recordkeeping.Procedure.StepKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.springframework.stereotype.Component;

/**
 * Reads the procedure from the deployed models: the steps of each process in the order its flows reach them (from the
 * start events, a sub-process's own steps after it, boundary timers after the step they watch, event sub-processes
 * last), and the diagram from the model's drawing.
 */
@Component
class CamundaProcessModels implements ProcessModels {

  private static final String MAIN_PROCESS = "DataSubjectRequestProcess";
  private static final int MARGIN = 20;

  private final RepositoryService repository;
  private final IdentityService identity;

  CamundaProcessModels(RepositoryService repository, IdentityService identity) {
    this.repository = repository;
    this.identity = identity;
  }

  @Override
  public Procedure procedure() {
    List<ModelledProcess> processes = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .map(this::describe)
        .sorted(Comparator.comparing((ModelledProcess p) -> !MAIN_PROCESS.equals(p.id()))
            .thenComparing(ModelledProcess::name))
        .toList();
    return new Procedure(processes);
  }

  private ModelledProcess describe(ProcessDefinition definition) {
    BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
    Process process = model.getModelElementById(definition.getKey());
    List<Step> steps = inFlowOrder(process.getFlowElements()).stream()
        .map(this::step)
        .filter(java.util.Objects::nonNull)
        .toList();
    return new ModelledProcess(definition.getKey(), text(process.getName(), definition.getKey()),
        documentation(process), steps, diagram(model));
  }

  /** Every flow node in the order the flows reach it; nested sub-processes after the node that contains them. */
  private static List<FlowNode> inFlowOrder(Collection<FlowElement> elements) {
    List<FlowNode> nodes = elements.stream().filter(FlowNode.class::isInstance).map(FlowNode.class::cast).toList();
    Set<FlowNode> ordered = new LinkedHashSet<>();
    // one start event's path to its end before the next start event's (a second start is a path of its own)
    nodes.stream()
        .filter(StartEvent.class::isInstance)
        .forEach(start -> reachedFrom(start, nodes, ordered));
    // event sub-processes and anything no flow reaches come last, in model order
    for (FlowNode node : nodes) {
      if (!ordered.contains(node)) {
        ordered.add(node);
        if (node instanceof SubProcess sub) {
          inFlowOrder(sub.getFlowElements()).forEach(ordered::add);
        }
      }
    }
    return List.copyOf(ordered);
  }

  /** Adds the nodes the flows reach from a start, breadth first; boundary events right after their step. */
  private static void reachedFrom(FlowNode start, List<FlowNode> nodes, Set<FlowNode> ordered) {
    Deque<FlowNode> queue = new ArrayDeque<>(List.of(start));
    while (!queue.isEmpty()) {
      FlowNode node = queue.poll();
      if (!ordered.add(node)) {
        continue;
      }
      nodes.stream()
          .filter(other -> other instanceof BoundaryEvent boundary && boundary.getAttachedTo() == node)
          .forEach(queue::addFirst);
      if (node instanceof SubProcess sub) {
        inFlowOrder(sub.getFlowElements()).forEach(ordered::add);
      }
      node.getOutgoing().stream().map(SequenceFlow::getTarget).forEach(queue::add);
    }
  }

  /** The step a node is, or null for what nobody does (gateways, plain start and end events, sub-process frames). */
  private Step step(FlowNode node) {
    String name = text(node.getName(), node.getId());
    String doc = documentation(node);
    if (node instanceof UserTask task) {
      String timing = text(task.getCamundaDueDate(), "");
      return new Step(node.getId(), StepKind.OFFICER_TASK, name, groups(task.getCamundaCandidateGroups()), doc,
          timing.isEmpty() ? "" : "due " + timing, "");
    }
    if (node instanceof CallActivity call) {
      return new Step(node.getId(), StepKind.CALLED_PROCESS, name, "Rights Desk", doc, "",
          text(call.getCalledElement(), ""));
    }
    if (node instanceof BusinessRuleTask rules) {
      return new Step(node.getId(), StepKind.DECISION_TABLE, name, "Rights Desk (automatic)", doc, "",
          text(rules.getCamundaDecisionRef(), ""));
    }
    if (node instanceof ServiceTask || node instanceof SendTask || node instanceof ScriptTask) {
      return new Step(node.getId(), StepKind.AUTOMATIC, name, "Rights Desk (automatic, retried on failure)", doc, "",
          "");
    }
    if (node instanceof ReceiveTask) {
      return new Step(node.getId(), StepKind.MESSAGE, name, "Rights Desk (waits)", doc, "", "");
    }
    if (node instanceof Event event && !(node instanceof StartEvent)) {
      TimerEventDefinition timer = event.getChildElementsByType(TimerEventDefinition.class).stream()
          .findFirst().orElse(null);
      if (timer != null) {
        return new Step(node.getId(), StepKind.TIMER, name, "Rights Desk (timer)", doc, timing(timer), "");
      }
      if (!event.getChildElementsByType(MessageEventDefinition.class).isEmpty()) {
        return new Step(node.getId(), StepKind.MESSAGE, name, "Rights Desk (waits)", doc, "", "");
      }
    }
    return null;
  }

  private static String timing(TimerEventDefinition timer) {
    if (timer.getTimeDate() != null) {
      return "at " + timer.getTimeDate().getTextContent().trim();
    }
    if (timer.getTimeDuration() != null) {
      return "after " + timer.getTimeDuration().getTextContent().trim();
    }
    return timer.getTimeCycle() == null ? "" : "every " + timer.getTimeCycle().getTextContent().trim();
  }

  /** The groups by their names (an expression, such as the owner group of a system, as the model words it). */
  private String groups(String candidateGroups) {
    if (candidateGroups == null || candidateGroups.isBlank()) {
      return "";
    }
    if (candidateGroups.contains("${")) {
      return candidateGroups.contains("ownerGroup") ? "the owner group of the system searched" : candidateGroups;
    }
    return List.of(candidateGroups.split(",")).stream().map(String::trim)
        .map(id -> {
          Group group = identity.createGroupQuery().groupId(id).singleResult();
          return group == null || group.getName() == null ? id : group.getName();
        })
        .collect(Collectors.joining(", "));
  }

  private static Diagram diagram(BpmnModelInstance model) {
    List<Shape> shapes = new ArrayList<>();
    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
      BaseElement element = shape.getBpmnElement();
      Bounds b = shape.getBounds();
      String label = element instanceof FlowNode node ? text(node.getName(), "") : "";
      ShapeForm form = element instanceof Event ? ShapeForm.EVENT
          : element instanceof Gateway ? ShapeForm.GATEWAY
          : element instanceof SubProcess || !(element instanceof Activity) ? ShapeForm.CONTAINER
          : ShapeForm.TASK;
      shapes.add(new Shape(element == null ? "" : element.getId(), form, (int) Math.round(b.getX()),
          (int) Math.round(b.getY()), (int) Math.round(b.getWidth()), (int) Math.round(b.getHeight()), label));
    }
    // containers first, so the boxes inside are drawn over them
    shapes.sort(Comparator.comparing((Shape s) -> s.form() != ShapeForm.CONTAINER));
    List<Arrow> arrows = model.getModelElementsByType(BpmnEdge.class).stream()
        .map(edge -> new Arrow(edge.getWaypoints().stream()
            .map(point -> Math.round(point.getX()) + "," + Math.round(point.getY()))
            .collect(Collectors.joining(" "))))
        .toList();
    // labels of events and gateways hang below their shapes, so the bottom margin is larger
    int left = shapes.stream().mapToInt(Shape::x).min().orElse(0) - MARGIN;
    int top = shapes.stream().mapToInt(Shape::y).min().orElse(0) - MARGIN;
    int width = shapes.stream().mapToInt(s -> s.x() + s.width()).max().orElse(0) + MARGIN - left;
    int height = shapes.stream().mapToInt(s -> s.y() + s.height()).max().orElse(0) + MARGIN * 2 - top;
    return new Diagram(left + " " + top + " " + width + " " + height, width, shapes, arrows);
  }

  private static String documentation(BaseElement element) {
    return element.getDocumentations().stream().map(Documentation::getTextContent).map(String::strip)
        .collect(Collectors.joining("\n"));
  }

  private static String text(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value.strip();
  }
}
