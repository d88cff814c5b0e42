package dk.mico.rightsdesk.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * The conventions of processes/ from the style guide, checked over every model and form with Camunda's model API, and
 * against the bean names in src/main/java read as text. Each rule lists every breach as "file: element: what".
 */
class ProcessConventionsTest {

  /** Maven runs tests in the project directory. */
  private static final Path PROCESSES = Path.of("processes");
  private static final Path SOURCES = Path.of("src/main/java");

  /**
   * Service tasks whose delegate only writes the app's own database, and so needs no job of its own (the extension
   * from Tasklist must not have one: its refusal is shown on the start form). Every other service task talks to the
   * outside (mail, company systems) and is async before, so that it is retried on its own.
   */
  private static final Set<String> INTERNAL_DELEGATES = Set.of("closeRequestDelegate", "planDeadlineWatchDelegate",
      "recordOverdueDelegate", "recordNoIdentityInformationDelegate", "recordNoFeeAnswerDelegate",
      "extendDeadlineFromStartForm");

  /** Id prefix per element type; a type missing here has no agreed prefix yet. */
  private static final Map<String, String> PREFIXES = Map.ofEntries(
      Map.entry("startEvent", "StartEvent_"),
      Map.entry("endEvent", "EndEvent_"),
      Map.entry("boundaryEvent", "BoundaryEvent_"),
      Map.entry("serviceTask", "Task_"),
      Map.entry("sendTask", "Task_"),
      Map.entry("scriptTask", "Task_"),
      Map.entry("userTask", "UserTask_"),
      Map.entry("receiveTask", "ReceiveTask_"),
      Map.entry("exclusiveGateway", "Gateway_"),
      Map.entry("inclusiveGateway", "Gateway_"),
      Map.entry("parallelGateway", "Gateway_"),
      Map.entry("eventBasedGateway", "Gateway_"),
      Map.entry("callActivity", "CallActivity_"),
      Map.entry("intermediateCatchEvent", "Event_"),
      Map.entry("intermediateThrowEvent", "Event_"),
      Map.entry("subProcess", "SubProcess_"),
      Map.entry("sequenceFlow", "Flow_"),
      Map.entry("message", "Message_"));

  /** After the prefix: a name in PascalCase, not a generated id such as Flow_0x1y2z3. */
  private static final Pattern ID_NAME = Pattern.compile("[A-Z][A-Za-z0-9]*");
  /** First letter upper case, the rest of the first word lower case. */
  private static final Pattern SENTENCE_CASE = Pattern.compile("\\p{Lu}[\\p{Ll}-]*([ ?].*)?");
  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{(\\w+)}");
  private static final Pattern COMPONENT =
      Pattern.compile("@Component\\b(?:\\(\\s*(?:value\\s*=\\s*)?\"([^\"]*)\"\\s*\\))?");
  private static final Pattern VARIABLE_NAME = Pattern.compile("static final String \\w+ = \"([a-z]\\w*)\";");
  private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:class|record)\\s+(\\w+)");

  private static final List<Model> MODELS = readModels();

  private record Model(String file, BpmnModelInstance bpmn) {

    String processId() {
      return file.substring(0, file.length() - ".bpmn".length());
    }

    <T extends ModelElementInstance> Collection<T> all(Class<T> type) {
      return bpmn.getModelElementsByType(type);
    }
  }

  @Test
  void fileNameIsTheIdOfItsOnlyExecutableProcess() {
    assertThat(MODELS).as("models in processes/").isNotEmpty();
    assertNoBreaches((model, breaches) -> {
      List<String> executable = model.all(Process.class).stream().filter(Process::isExecutable)
          .map(Process::getId).toList();
      if (!executable.equals(List.of(model.processId()))) {
        breaches.add(model.file() + ": executable processes " + executable + ", expected [" + model.processId() + "]");
      }
    });
  }

  @Test
  void everyProcessHasHistoryTimeToLive() {
    assertNoBreaches((model, breaches) -> model.all(Process.class).stream()
        .filter(process -> isBlank(process.getCamundaHistoryTimeToLiveString()))
        .forEach(process -> breaches.add(model.file() + ": " + process.getId() + ": no camunda:historyTimeToLive")));
  }

  @Test
  void elementIdsCarryTheirTypePrefix() {
    assertNoBreaches((model, breaches) -> {
      List<BaseElement> elements = new ArrayList<>(model.all(FlowElement.class));
      elements.addAll(model.all(EventDefinition.class));
      elements.addAll(model.all(Message.class));
      for (BaseElement element : elements) {
        String type = element.getElementType().getTypeName();
        String prefix = element instanceof EventDefinition ? capitalise(type) + "_" : PREFIXES.get(type);
        String id = element.getId();
        if (prefix == null) {
          breaches.add(model.file() + ": " + id + ": no id prefix agreed for " + type);
        } else if (!id.startsWith(prefix) || !ID_NAME.matcher(id.substring(prefix.length())).matches()) {
          breaches.add(model.file() + ": " + id + ": a " + type + " id is " + prefix + "PascalCaseName");
        }
      }
    });
  }

  @Test
  void processesAndFlowNodesHaveSentenceCaseNames() {
    assertNoBreaches((model, breaches) -> {
      List<BaseElement> named = new ArrayList<>(model.all(Process.class));
      model.all(FlowNode.class).stream().filter(node -> !isJoiningGateway(node)).forEach(named::add);
      for (BaseElement element : named) {
        String name = element.getAttributeValue("name");
        if (isBlank(name) || !SENTENCE_CASE.matcher(name).matches()) {
          breaches.add(model.file() + ": " + element.getId() + ": name \"" + name + "\" is not in sentence case");
        }
      }
    });
  }

  @Test
  void splittingGatewaysAskAQuestion() {
    assertNoBreaches((model, breaches) -> model.all(Gateway.class).stream()
        .filter(gateway -> gateway.getOutgoing().size() > 1)
        // a parallel fork decides nothing: it names what runs side by side
        .filter(gateway -> !(gateway instanceof ParallelGateway))
        .filter(gateway -> gateway.getName() == null || !gateway.getName().endsWith("?"))
        .forEach(gateway -> breaches.add(model.file() + ": " + gateway.getId() + ": name \"" + gateway.getName()
            + "\" is not a question")));
  }

  @Test
  void serviceTasksThatTalkToTheOutsideAreAsyncBefore() {
    assertNoBreaches((model, breaches) -> model.all(ServiceTask.class).stream()
        .filter(task -> !INTERNAL_DELEGATES.contains(beanName(task.getCamundaDelegateExpression())))
        .filter(task -> !task.isCamundaAsyncBefore() && !eachInstanceIsAsyncBefore(task))
        .forEach(task -> breaches.add(model.file() + ": " + task.getId() + ": not camunda:asyncBefore")));
  }

  /**
   * A multi-instance task runs one job per instance (asyncBefore on its loop characteristics); a job before the
   * whole loop as well would only create those jobs, so it is left out.
   */
  private static boolean eachInstanceIsAsyncBefore(ServiceTask task) {
    return task.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop
        && loop.isCamundaAsyncBefore();
  }

  @Test
  void tasksAndListenersUseDelegateExpressionsOnly() {
    assertNoBreaches((model, breaches) -> {
      model.all(ScriptTask.class).forEach(task -> breaches.add(model.file() + ": " + task.getId() + ": script task"));
      model.all(CamundaScript.class)
          .forEach(script -> breaches.add(model.file() + ": " + owner(script) + ": camunda:script"));
      model.all(ConditionExpression.class).stream().filter(condition -> condition.getLanguage() != null)
          .forEach(condition -> breaches.add(model.file() + ": " + owner(condition) + ": script condition"));
      for (ServiceTask task : model.all(ServiceTask.class)) {
        requireDelegateOnly(model, task.getId(), task.getCamundaDelegateExpression(),
            task.getCamundaClass(), task.getCamundaExpression(), task.getCamundaType(), breaches);
      }
      for (SendTask task : model.all(SendTask.class)) {
        requireDelegateOnly(model, task.getId(), task.getCamundaDelegateExpression(),
            task.getCamundaClass(), task.getCamundaExpression(), task.getCamundaType(), breaches);
      }
      for (CamundaExecutionListener listener : model.all(CamundaExecutionListener.class)) {
        requireDelegateOnly(model, owner(listener) + " execution listener", listener.getCamundaDelegateExpression(),
            listener.getCamundaClass(), listener.getCamundaExpression(), null, breaches);
      }
      for (CamundaTaskListener listener : model.all(CamundaTaskListener.class)) {
        requireDelegateOnly(model, owner(listener) + " task listener", listener.getCamundaDelegateExpression(),
            listener.getCamundaClass(), listener.getCamundaExpression(), null, breaches);
      }
    });
  }

  @Test
  void delegateExpressionsNameExistingComponents() {
    Set<String> beans = componentBeanNames();
    assertThat(beans).as("@Component beans in " + SOURCES).isNotEmpty();
    assertNoBreaches((model, breaches) -> {
      Map<String, String> references = new LinkedHashMap<>();
      model.all(ServiceTask.class).forEach(task -> references.put(task.getId(), task.getCamundaDelegateExpression()));
      model.all(SendTask.class).forEach(task -> references.put(task.getId(), task.getCamundaDelegateExpression()));
      model.all(CamundaExecutionListener.class).forEach(listener ->
          references.put(owner(listener) + " execution listener " + listener.getCamundaEvent(),
              listener.getCamundaDelegateExpression()));
      model.all(CamundaTaskListener.class).forEach(listener ->
          references.put(owner(listener) + " task listener " + listener.getCamundaEvent(),
              listener.getCamundaDelegateExpression()));
      references.forEach((element, expression) -> {
        String bean = beanName(expression);
        if (expression != null && (bean == null || !beans.contains(bean))) {
          breaches.add(model.file() + ": " + element + ": " + expression + " names no @Component in " + SOURCES);
        }
      });
    });
  }

  /**
   * A delegate bean's name is resolved to the bean before any variable is read (DelegateBeansFirstPlugin), so no
   * variable may take a bean's name: not the names in the *ProcessVariables classes, not a loop's element variable,
   * not what a call activity passes on, not a form field.
   */
  @Test
  void noVariableIsNamedLikeABean() throws IOException {
    Set<String> beans = componentBeanNames();
    Set<String> variables = new TreeSet<>();
    for (Path source : files(SOURCES.resolve("dk/mico/rightsdesk/workflow"), "ProcessVariables.java")) {
      Matcher constant = VARIABLE_NAME.matcher(read(source));
      while (constant.find()) {
        variables.add(constant.group(1));
      }
    }
    for (Model model : MODELS) {
      model.all(MultiInstanceLoopCharacteristics.class).stream()
          .map(MultiInstanceLoopCharacteristics::getCamundaElementVariable).filter(Objects::nonNull)
          .forEach(variables::add);
      model.all(CamundaIn.class).stream().map(CamundaIn::getCamundaTarget).filter(Objects::nonNull)
          .forEach(variables::add);
      model.all(CamundaOut.class).stream().map(CamundaOut::getCamundaTarget).filter(Objects::nonNull)
          .forEach(variables::add);
    }
    for (Path form : files(PROCESSES, ".form")) {
      new ObjectMapper().readTree(form.toFile()).findValuesAsText("key").forEach(variables::add);
    }
    assertThat(variables).as("variable names").isNotEmpty().doesNotContainAnyElementsOf(beans);
  }

  /**
   * Tasklist's "Start process" offers only what an officer starts: a process with a start form. One the application
   * starts or another process calls would start there without what it needs.
   */
  @Test
  void onlyProcessesWithAStartFormAreStartableInTasklist() {
    assertNoBreaches((model, breaches) -> model.all(Process.class).stream()
        .filter(process -> process.getChildElementsByType(StartEvent.class).stream()
            .allMatch(start -> start.getCamundaFormRef() == null && start.getCamundaFormKey() == null))
        .filter(Process::isCamundaStartableInTasklist)
        .forEach(process -> breaches.add(model.file() + ": " + process.getId()
            + ": no start form, but not camunda:isStartableInTasklist=\"false\"")));
  }

  @Test
  void userTasksHaveCandidateGroupsAndAnExistingForm() {
    assertNoBreaches((model, breaches) -> {
      for (UserTask task : model.all(UserTask.class)) {
        if (isBlank(task.getCamundaCandidateGroups())) {
          breaches.add(model.file() + ": " + task.getId() + ": no camunda:candidateGroups");
        }
        requireForm(model, task.getId(), task.getCamundaFormRef(), breaches);
      }
      for (StartEvent start : model.all(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          requireForm(model, start.getId(), start.getCamundaFormRef(), breaches);
        }
      }
    });
  }

  @Test
  void everyDecisionIsNamedByItsFileAndHasHistoryTimeToLive() throws IOException {
    List<Path> tables = files(PROCESSES, ".dmn");
    assertThat(tables).as("decision tables in processes/").isNotEmpty();
    List<String> breaches = new ArrayList<>();
    for (Path file : tables) {
      String name = file.getFileName().toString().replace(".dmn", "");
      DmnModelInstance dmn = Dmn.readModelFromFile(file.toFile());
      Collection<Decision> decisions = dmn.getModelElementsByType(Decision.class);
      if (decisions.size() != 1 || !decisions.iterator().next().getId().equals(name)) {
        breaches.add(file.getFileName() + ": expected one decision with id " + name);
      }
      for (Decision decision : decisions) {
        if (!decision.getId().startsWith("Decision_")) {
          breaches.add(file.getFileName() + ": " + decision.getId() + ": a decision id is Decision_PascalCaseName");
        }
        if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
          breaches.add(file.getFileName() + ": " + decision.getId() + ": no camunda:historyTimeToLive");
        }
      }
    }
    assertThat(breaches).isEmpty();
  }

  @Test
  void everyFormIsReferencedAndNamedByItsId() throws IOException {
    Set<String> referenced = new HashSet<>();
    for (Model model : MODELS) {
      model.all(UserTask.class).forEach(task -> referenced.add(task.getCamundaFormRef()));
      model.all(StartEvent.class).forEach(start -> referenced.add(start.getCamundaFormRef()));
    }
    List<String> breaches = new ArrayList<>();
    for (Path form : files(PROCESSES, ".form")) {
      String name = form.getFileName().toString().replace(".form", "");
      if (!referenced.contains(name)) {
        breaches.add(form.getFileName() + ": referenced by no user task or start event");
      }
      String id = formId(form);
      if (!name.equals(id)) {
        breaches.add(form.getFileName() + ": \"id\" is " + id + ", expected " + name);
      }
    }
    assertThat(breaches).isEmpty();
  }

  @Test
  void everyFlowNodeAndSequenceFlowIsDrawn() {
    assertNoBreaches((model, breaches) -> {
      Set<String> drawn = new HashSet<>();
      model.all(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
      model.all(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
      model.all(FlowNode.class).stream().filter(node -> !drawn.contains(node.getId()))
          .forEach(node -> breaches.add(model.file() + ": " + node.getId() + ": no BPMNShape"));
      model.all(SequenceFlow.class).stream().filter(flow -> !drawn.contains(flow.getId()))
          .forEach(flow -> breaches.add(model.file() + ": " + flow.getId() + ": no BPMNEdge"));
    });
  }

  @Test
  void flowsOutOfDecisionsHaveConditionsOrAreTheDefault() {
    assertNoBreaches((model, breaches) -> {
      List<Gateway> decisions = new ArrayList<>(model.all(ExclusiveGateway.class));
      decisions.addAll(model.all(InclusiveGateway.class));
      for (Gateway gateway : decisions) {
        if (gateway.getOutgoing().size() < 2) {
          continue;
        }
        String defaultFlow = gateway.getAttributeValue("default");
        gateway.getOutgoing().stream()
            .filter(flow -> flow.getConditionExpression() == null && !flow.getId().equals(defaultFlow))
            .forEach(flow -> breaches.add(model.file() + ": " + flow.getId() + ": leaves " + gateway.getId()
                + " without a condition and is not its default"));
      }
    });
  }

  private static void assertNoBreaches(BiConsumer<Model, List<String>> rule) {
    List<String> breaches = new ArrayList<>();
    MODELS.forEach(model -> rule.accept(model, breaches));
    assertThat(breaches).isEmpty();
  }

  private static void requireDelegateOnly(Model model, String element, String delegateExpression, String className,
      String expression, String type, List<String> breaches) {
    if (className != null || expression != null || type != null || delegateExpression == null) {
      breaches.add(model.file() + ": " + element + ": use camunda:delegateExpression=\"${bean}\" only");
    }
  }

  private static void requireForm(Model model, String element, String formRef, List<String> breaches) {
    if (isBlank(formRef)) {
      breaches.add(model.file() + ": " + element + ": no camunda:formRef");
      return;
    }
    Path form = PROCESSES.resolve(formRef + ".form");
    if (!Files.exists(form)) {
      breaches.add(model.file() + ": " + element + ": form " + form + " does not exist");
    } else if (!formRef.equals(formId(form))) {
      breaches.add(model.file() + ": " + element + ": " + form + " has \"id\" " + formId(form));
    }
  }

  /** The bean a delegate expression names when it is the plain reference ${name}; null otherwise. */
  private static String beanName(String expression) {
    if (expression == null) {
      return null;
    }
    Matcher matcher = BEAN_REFERENCE.matcher(expression.trim());
    return matcher.matches() ? matcher.group(1) : null;
  }

  /** The id of the nearest element with an id that holds this one (a listener's task, a script's event...). */
  private static String owner(ModelElementInstance element) {
    ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof BaseElement && ((BaseElement) parent).getId() != null)) {
      parent = parent.getParentElement();
    }
    return parent == null ? "?" : ((BaseElement) parent).getId();
  }

  /** Names of the classes annotated @Component, as Spring names them, read from the sources as text. */
  private static Set<String> componentBeanNames() {
    Set<String> names = new TreeSet<>();
    for (Path source : files(SOURCES, ".java")) {
      String text = read(source);
      Matcher component = COMPONENT.matcher(text);
      while (component.find()) {
        if (component.group(1) != null && !component.group(1).isEmpty()) {
          names.add(component.group(1));
          continue;
        }
        Matcher className = CLASS_NAME.matcher(text);
        if (className.find(component.end())) {
          names.add(decapitalise(className.group(1)));
        }
      }
    }
    return names;
  }

  /** As java.beans.Introspector (Spring's default bean names): "URLSigner" stays, "SendLetter" becomes "sendLetter". */
  private static String decapitalise(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String capitalise(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static boolean isJoiningGateway(FlowNode node) {
    return node instanceof Gateway && node.getOutgoing().size() <= 1 && node.getIncoming().size() > 1;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String formId(Path form) {
    try {
      return new ObjectMapper().readTree(form.toFile()).path("id").asText(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Model> readModels() {
    return files(PROCESSES, ".bpmn").stream()
        .map(file -> new Model(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile())))
        .toList();
  }

  private static List<Path> files(Path directory, String suffix) {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
