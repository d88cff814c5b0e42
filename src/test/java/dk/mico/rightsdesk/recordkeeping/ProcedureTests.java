package dk.mico.rightsdesk.recordkeeping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dk.mico.rightsdesk.recordkeeping.Procedure.ModelledProcess;
import dk.mico.rightsdesk.recordkeeping.Procedure.Step;
import dk.mico.rightsdesk.support.RightsDeskSpringTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The documented procedure is read from the models: every step of every model is on it, and every step says why. */
@RightsDeskSpringTest
class ProcedureTests {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final List<String> STEP_ELEMENTS = List.of("userTask", "serviceTask", "sendTask",
      "businessRuleTask", "callActivity", "scriptTask", "receiveTask", "manualTask");

  @Autowired ProcessModels models;
  @Autowired MockMvc mvc;

  @Test
  void everyTaskOfEveryModelIsAStepOfTheProcedure() throws Exception {
    Map<String, Set<String>> modelled = tasksInTheModelFiles();
    Map<String, Set<String>> onThePage = models.procedure().processes().stream().collect(Collectors.toMap(
        ModelledProcess::id, p -> p.steps().stream().map(Step::id).collect(Collectors.toSet())));

    // tests deploy a stand-in process of their own as well
    assertThat(onThePage.keySet()).containsAll(modelled.keySet());
    modelled.forEach((process, tasks) -> assertThat(onThePage.get(process)).as(process).containsAll(tasks));
    assertThat(models.procedure().processes().get(0).id()).isEqualTo("DataSubjectRequestProcess");
  }

  @Test
  void everyStepIsDescribedForAnOfficer() throws Exception {
    Set<String> ours = tasksInTheModelFiles().keySet();
    List<ModelledProcess> processes = models.procedure().processes().stream()
        .filter(p -> ours.contains(p.id())).toList();
    List<String> undescribed = processes.stream()
        .flatMap(p -> p.steps().stream()
            .filter(Step::undescribed).map(step -> p.id() + "/" + step.id()))
        .toList();
    assertThat(undescribed).as("steps without a documentation element").isEmpty();
    assertThat(processes).allSatisfy(p -> assertThat(p.documentation()).as(p.id()).isNotBlank());
  }

  @Test
  void theStepsOfAProcessFollowItsFlowsWithTheirGroupsAndTimers() {
    ModelledProcess main = models.procedure().processes().get(0);
    List<String> ids = main.steps().stream().map(Step::id).toList();
    // the deadline watch starts before the identity is checked, and its reminder timers come after the plan
    assertThat(ids.indexOf("CallActivity_WatchDeadline")).isNotNegative()
        .isLessThan(ids.indexOf("CallActivity_CheckIdentity"));
    List<Step> watch = process("DeadlineWatchProcess").steps();
    Step reminder = watch.stream().filter(s -> s.id().equals("Event_FirstReminderDue")).findFirst().orElseThrow();
    assertThat(watch.indexOf(reminder)).isGreaterThan(watch.stream().map(Step::id).toList()
        .indexOf("Task_PlanDeadlineWatch"));
    assertThat(reminder.kind()).isEqualTo(Procedure.StepKind.TIMER);
    assertThat(reminder.timing()).isNotBlank();
    // a part of the handling in a process of its own is a step that names it, and its steps are the officer's
    Step identityCheck = main.steps().get(ids.indexOf("CallActivity_CheckIdentity"));
    assertThat(identityCheck.kind()).isEqualTo(Procedure.StepKind.CALLED_PROCESS);
    Step identity = process("IdentityCheckProcess").steps().stream()
        .filter(s -> s.id().equals("UserTask_CheckIdentity")).findFirst().orElseThrow();
    assertThat(identity.kind()).isEqualTo(Procedure.StepKind.OFFICER_TASK);
    assertThat(identity.who()).isNotBlank().doesNotContain("${");
    // a second start is a path of its own: the erasure at the end of a retention period comes after the request's
    List<String> erasure = process("ErasureRequestProcess").steps().stream().map(Step::id).toList();
    assertThat(erasure.indexOf("Task_RecordAnswer")).isLessThan(erasure.indexOf("Task_EraseAfterRetention"));
    assertThat(main.diagram().shapes()).extracting(Procedure.Shape::elementId).contains("CallActivity_CheckIdentity");
  }

  private ModelledProcess process(String id) {
    return models.procedure().processes().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void thePageServesStaffAndNobodyElse() throws Exception {
    for (String user : List.of("officer", "manager", "admin")) {
      String page = mvc.perform(get("/procedure").with(httpBasic(user, user))).andExpect(status().isOk())
          .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
      assertThat(page).contains("Procedure for data-subject requests", "id=\"ErasureRequestProcess\"", "<svg",
          "Check identity");
    }
    mvc.perform(get("/procedure")).andExpect(status().isUnauthorized());
  }

  @Test
  void thePdfHoldsEveryProcessWithItsStepsAndDiagramForStaffOnly() throws Exception {
    byte[] pdf = mvc.perform(get("/procedure.pdf").with(httpBasic("manager", "manager")))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "application/pdf"))
        .andReturn().getResponse().getContentAsByteArray();

    List<ModelledProcess> processes = models.procedure().processes();
    StringBuilder all = new StringBuilder();
    try (PdfReader reader = new PdfReader(pdf)) {
      // a title page, then each process from a page of its own
      assertThat(reader.getNumberOfPages()).isGreaterThan(processes.size());
      PdfTextExtractor text = new PdfTextExtractor(reader);
      for (int page = 1; page <= reader.getNumberOfPages(); page++) {
        all.append(text.getTextFromPage(page)).append('\n');
      }
    }
    String flat = all.toString().replaceAll("\\s+", " ");
    for (ModelledProcess process : processes) {
      assertThat(flat).contains(process.name() + " (" + process.id() + ")");
      process.steps().stream().filter(step -> step.kind() == Procedure.StepKind.OFFICER_TASK)
          .forEach(step -> assertThat(flat).contains(step.name()));
    }
    assertThat(flat).contains("Check identity", "Procedure for data-subject requests")
        .doesNotContain("Not yet described in the model.");
    mvc.perform(get("/procedure.pdf")).andExpect(status().isUnauthorized());
  }

  /** The tasks of each process, read from the files in processes/ without the engine. */
  private static Map<String, Set<String>> tasksInTheModelFiles() throws Exception {
    Map<String, Set<String>> tasks = new HashMap<>();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    for (Path file : bpmnFiles()) {
      Document model = factory.newDocumentBuilder().parse(file.toFile());
      NodeList processes = model.getElementsByTagNameNS(BPMN, "process");
      for (int i = 0; i < processes.getLength(); i++) {
        Element process = (Element) processes.item(i);
        Set<String> ids = new TreeSet<>();
        for (String kind : STEP_ELEMENTS) {
          NodeList found = process.getElementsByTagNameNS(BPMN, kind);
          for (int j = 0; j < found.getLength(); j++) {
            ids.add(((Element) found.item(j)).getAttribute("id"));
          }
        }
        tasks.put(process.getAttribute("id"), ids);
      }
    }
    return tasks;
  }

  private static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
    }
  }
}
