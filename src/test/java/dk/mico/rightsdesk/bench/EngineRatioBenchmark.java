package dk.mico.rightsdesk.bench;

import static dk.mico.rightsdesk.workflow.DataSubjectRequestProcessVariables.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.mico.rightsdesk.RightsDeskApplication;
import dk.mico.rightsdesk.support.TestDriver;
import dk.mico.rightsdesk.system.EmbeddedMailServer;
import dk.mico.rightsdesk.workflow.CompanySystemIds;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A load driver, not a test (issue 15): in one run, on one engine and one database, it measures for each of our paths
 * chosen ({@code -Dbenchmark.path=objection}, the default, {@code access} or {@code both})
 * <ol>
 *   <li>N requests through the whole application: objections to direct marketing from {@code POST /api/requests} to
 *       the answer letter sent by the outbox, or access requests from the subject's confirmation of the e-mail address
 *       to the report ready for the officer's review, and</li>
 *   <li>N instances of a bare process with as many async service tasks (doing nothing) as one of those requests ran
 *       jobs,</li>
 *   <li>with {@code -Dbenchmark.shaped=true}, for the objections, N instances of a bare process shaped like ours
 *       (src/test/resources/bench: the same called processes, loops, event subprocesses and variables, every task a
 *       no-op expression), which splits the gap into the engine's cost of our process shape and our code's; with
 *       {@code =one-loop} the same with one loop over the systems instead of two,</li>
 * </ol>
 * and prints both rates, their ratio, and the statements and commits per async step of each (counted at the JDBC
 * boundary, see {@link JdbcCounter}). The application runs in this JVM on the demo profile with its real job executor
 * and its real settings; only the files (under target/) and the ports are its own. Run it as docs/benchmarks.md says:
 *
 * <pre>./mvnw -q test -Dtest=EngineRatioBenchmark -Dbenchmark.ratio=h2 -Dbenchmark.path=both   (or =postgres)</pre>
 */
class EngineRatioBenchmark {

  private static final String DATABASE = System.getProperty("benchmark.ratio");
  private static final int INSTANCES = Integer.getInteger("benchmark.instances", 100);
  private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 20);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
  private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static final String PG_USER = System.getenv().getOrDefault("PGUSER", "postgres");
  private static final int MOST_RUN = Integer.getInteger("benchmark.most-run", 0);
  private static final String PATHS = System.getProperty("benchmark.path", "objection");
  /** {@code true}: shaped like our objection; {@code one-loop}: the same with one loop over the systems, not two. */
  private static final String SHAPED = System.getProperty("benchmark.shaped", "false");
  private static final String SHAPED_PROCESS = "ShapedRequestProcess";
  private static final String SHAPED_FULFILMENT = switch (SHAPED) {
    case "true", "false" -> "ShapedObjectionProcess";
    case "one-loop" -> "ShapedOneLoopObjectionProcess";
    default -> throw new IllegalArgumentException("benchmark.shaped is true or one-loop, not " + SHAPED);
  };
  private static final List<String> SHAPED_MODELS = List.of(SHAPED_PROCESS, "ShapedWatchProcess", SHAPED_FULFILMENT,
      "ShapedRecipientNoticeProcess", "ShapedClosingLetterProcess");
  private static final Duration PHASE_LIMIT = Duration.ofMinutes(10);
  private static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final JdbcCounter counter = new JdbcCounter();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final ShapedLoops shapedLoops = new ShapedLoops();

  private JdbcTemplate jdbc;
  private ProcessEngine engine;
  private String baseUrl;
  private EmbeddedMailServer mailServer;

  @Test
  void measureOurPathAgainstTheBareEngine() throws Exception {
    assumeTrue(DATABASE != null, "run with -Dbenchmark.ratio=h2 or -Dbenchmark.ratio=postgres");
    // the application runs on the machine's time, as in production: the suite's test clock stands still, which would
    // stamp every letter composed and sent at the same moment
    ClockUtil.reset();
    Path files = Files.createDirectories(Path.of("target", "ratio-benchmark", run)).toAbsolutePath();
    String pgDatabase = "rightsdesk_ratio_" + run;
    String databaseUrl = switch (DATABASE) {
      case "h2" -> BenchSupport.demoUrl("application-demo.yaml", "spring.datasource.url", files);
      case "postgres" -> PG_SERVER + createPostgresDatabase(pgDatabase);
      default -> throw new IllegalArgumentException("benchmark.ratio is h2 or postgres, not " + DATABASE);
    };
    List<String> arguments = new ArrayList<>(BenchSupport.demoOn(databaseUrl, PG_USER, files));
    arguments.addAll(List.of(
        "--server.port=0",
        "--rightsdesk.mail.embedded-port=" + freePort(),
        "--rightsdesk.mail.embedded-imap-port=" + freePort(),
        "--rightsdesk.inbox.host=",
        "--rightsdesk.intake.max-per-client-per-hour=1000000",
        "--logging.level.root=WARN"));
    BeanPostProcessor countingDataSource = new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource source && name.equals("dataSource") ? counter.wrap(source) : bean;
      }
    };
    try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RightsDeskApplication.class)
        .initializers(context -> {
          context.getBeanFactory().addBeanPostProcessor(countingDataSource);
          context.getBeanFactory().registerSingleton("shapedLoops", shapedLoops);
        })
        .run(arguments.toArray(String[]::new))) {
      counter.leaveOutThisThread();
      jdbc = app.getBean(JdbcTemplate.class);
      engine = app.getBean(ProcessEngine.class);
      baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
      mailServer = app.getBean(EmbeddedMailServer.class);
      shapedLoops.systems = List.copyOf(app.getBean(CompanySystemIds.class).searchable());

      for (OurPath path : OurPath.chosen()) {
        Phase warm = ours(path, path.label("warm"), WARM_UP);
        int asyncSteps = (int) Math.round((double) warm.jobs() / WARM_UP);
        String bareProcess = deployBareProcess(asyncSteps);
        bare(bareProcess, path.label("warm"), WARM_UP);

        boolean shaped = !SHAPED.equals("false") && path == OurPath.OBJECTION;
        if (shaped) {
          deployShapedProcesses();
          shaped(path.label("warm"), WARM_UP);
        }

        Phase ours = ours(path, path.label("measured"), INSTANCES);
        if (MOST_RUN > 0) {
          System.out.printf("%nasync steps on our path, per activity:%n%s", asyncStepsSince(ours.from()));
        }
        Phase bare = bare(bareProcess, path.label("measured"), INSTANCES);
        report(path, ours, bare, asyncSteps);
        if (shaped) {
          Phase shapedLikeOurs = shaped(path.label("measured"), INSTANCES);
          reportShaped(ours, bare, shapedLikeOurs);
        }
        if (path == OurPath.OBJECTION) {
          System.out.printf("letters of the measured objections, composed to sent by the outbox: %s%n",
              letterWaits(path.label("measured")));
        }
      }
    } finally {
      if (DATABASE.equals("postgres")) {
        dropPostgresDatabase(pgDatabase);
      }
    }
  }

  private Phase ours(OurPath path, String label, int count) throws Exception {
    return switch (path) {
      case OBJECTION -> objections(label, count);
      case ACCESS -> accessRequests(label, count);
    };
  }

  /** N objections to direct marketing by the public API, until every answer letter has left the outbox. */
  private Phase objections(String label, int count) throws Exception {
    String emails = email(label, "%");
    return measure(count, index -> submit("""
        {"type": "OBJECTION", "objectionScope": "DIRECT_MARKETING", "name": "Ratio Person",
         "email": "%s", "language": "da"}""".formatted(email(label, index))),
        () -> jdbc.queryForObject("""
            SELECT COUNT(*) FROM letter l JOIN dsr_request r ON r.id = l.request_id
            WHERE l.kind = 'ANSWER' AND l.state = 'SENT' AND r.subject_email LIKE ?""", Long.class, emails),
        NOBODY);
  }

  /**
   * N access requests, each from the subject's confirmation of the e-mail address until the report waits for the
   * officer's review. Before the clock starts the requests are submitted by the public API and their confirmation
   * mails have reached the SMTP server. Then each subject opens the link and presses the button, as in a browser; the
   * demo's e-mail archive is searched by hand, so its owner's task comes first: the driver completes it as soon as it
   * appears ("nothing found", through the form service as Tasklist does), and that is part of the time.
   */
  private Phase accessRequests(String label, int count) throws Exception {
    String[] references = new String[count];
    for (int index = 0; index < count; index++) {
      references[index] = submit("""
          {"type": "ACCESS", "name": "Ratio Person", "email": "%s", "language": "en"}"""
          .formatted(email(label, index)));
    }
    String[] links = confirmationLinks(label, count);
    waitUntilNoJobIsDue(System.nanoTime() + PHASE_LIMIT.toNanos());
    Set<String> searched = ConcurrentHashMap.newKeySet();
    return measure(count, index -> confirm(links[index]),
        () -> engine.getTaskService().createTaskQuery().taskDefinitionKey("UserTask_ReviewReport")
            .processInstanceBusinessKeyIn(references).count(),
        () -> engine.getTaskService().createTaskQuery().taskDefinitionKey("UserTask_SearchManualSystem")
            .processInstanceBusinessKeyIn(references).list().stream().filter(task -> searched.add(task.getId()))
            .map(task -> (Callable<Void>) () -> nothingFoundByHand(task)).toList());
  }

  private String email(String label, Object index) {
    return "ratio-%s-%s-%s@example.dk".formatted(run, label, index);
  }

  /** A request by the public API, as the request page sends it; answers its reference. */
  private String submit(String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/requests"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("intake answered %s", response.body()).isEqualTo(202);
    Matcher reference = REFERENCE.matcher(response.body());
    assertThat(reference.find()).as("a reference in %s", response.body()).isTrue();
    return reference.group(1);
  }

  /** The confirmation links of a phase's requests, by index, once every one has reached the SMTP server. */
  private String[] confirmationLinks(String label, int count) throws InterruptedException {
    Map<String, Integer> indexes = new HashMap<>();
    for (int index = 0; index < count; index++) {
      indexes.put(email(label, index), index);
    }
    String[] links = new String[count];
    long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
    while (Arrays.stream(links).anyMatch(Objects::isNull)) {
      assertThat(System.nanoTime()).as("confirmation mails still missing").isLessThan(deadline);
      Thread.sleep(100);
      for (MimeMessage mail : mailServer.received()) {
        Integer index = indexes.get(TestDriver.recipients(mail).get(0));
        if (index != null && TestDriver.body(mail).contains("/confirm/")) {
          links[index] = TestDriver.linkToken(mail, "confirm");
        }
      }
    }
    return links;
  }

  /** The subject opens the confirmation link and presses the button; the page's form token comes with it. */
  private void confirm(String token) throws Exception {
    URI page = URI.create(baseUrl + "/confirm/" + token);
    HttpResponse<String> shown = http.send(HttpRequest.newBuilder(page).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher formToken = FORM_TOKEN.matcher(shown.body());
    assertThat(shown.statusCode() == 200 && formToken.find()).as("the confirmation page").isTrue();
    String cookie = shown.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(page).header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(formToken.group(1),
            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(confirmed.statusCode()).as("the confirmation answered").isEqualTo(200);
  }

  /** The demo's e-mail archive belongs to the GDPR officers: one of them records that it holds nothing. */
  private Void nothingFoundByHand(Task task) {
    engine.getIdentityService().setAuthentication("officer", List.of("gdpr-officer"));
    try {
      engine.getFormService().submitTaskForm(task.getId(), Map.of("foundInSystem", "NOTHING"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return null;
  }

  /**
   * How long the letters of a phase's objections (acknowledgement and answer) waited from their composing, in their
   * step's job, until the outbox had handed them to the SMTP server: the outbox's share of the time.
   */
  private String letterWaits(String label) {
    List<Long> waits = jdbc.query("""
        SELECT l.composed_at, l.delivered_at FROM letter l JOIN dsr_request r ON r.id = l.request_id
        WHERE r.subject_email LIKE ? AND l.delivered_at IS NOT NULL""", (rs, row) -> Duration.between(
            rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)).toMillis(),
        email(label, "%")).stream().sorted().toList();
    return "%d letters, p50 %d ms, p95 %d ms, max %d ms".formatted(waits.size(), waits.get(waits.size() / 2),
        waits.get(waits.size() * 95 / 100), waits.get(waits.size() - 1));
  }

  /** N instances of the bare process, until every one has ended. */
  private Phase bare(String processKey, String label, int count) throws Exception {
    String businessKeys = "ratio-" + run + "-" + label + "-%";
    return measure(count,
        index -> engine.getRuntimeService().startProcessInstanceByKey(processKey,
            "ratio-" + run + "-" + label + "-" + index),
        () -> engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
            .processInstanceBusinessKeyLike(businessKeys).finished().count(),
        NOBODY);
  }

  /**
   * Starts N instances from the client threads and waits until {@code finished} counts all of them; meanwhile the
   * steps a person takes in Tasklist run on the client threads too as they become due (the driver's thread, whose
   * reads are not counted, only looks for them).
   */
  private Phase measure(int count, Starter starter, LongSupplier finished, ByHand byHand) throws Exception {
    JdbcCounter.Counts countsBefore = counter.snapshot();
    long jobsBefore = jobsExecuted();
    Timestamp from = new Timestamp(ClockUtil.getCurrentTime().getTime());
    long start = System.nanoTime();
    long deadline = start + PHASE_LIMIT.toNanos();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        work.add(clients.submit(() -> {
          starter.start(index);
          return null;
        }));
      }
      while (finished.getAsLong() < count) {
        assertThat(System.nanoTime()).as("the phase did not finish within %s", PHASE_LIMIT).isLessThan(deadline);
        for (Future<?> done : work) {
          if (done.isDone()) {
            done.get(); // a failed start or step fails the run at once
          }
        }
        byHand.due().forEach(step -> work.add(clients.submit(step)));
        Thread.sleep(20);
      }
    } finally {
      clients.shutdown();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    waitUntilNoJobIsDue(deadline);
    return new Phase(from, count, millis, jobsExecuted() - jobsBefore, counter.snapshot().minus(countsBefore));
  }

  /** Jobs of the phase that run after its last instance is counted as finished belong to it too. */
  private void waitUntilNoJobIsDue(long deadline) throws InterruptedException {
    while (engine.getManagementService().createJobQuery().executable().count() > 0) {
      assertThat(System.nanoTime()).as("jobs still due").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private long jobsExecuted() {
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDbMetricsReporter().reportNow();
    return engine.getManagementService().createMetricsQuery().name(Metrics.JOB_SUCCESSFUL).sum();
  }

  /**
   * N instances of the bare process shaped like ours, until every one has ended; started with the variables our
   * intake gives an objection to direct marketing (values alike, no personal data either way).
   */
  private Phase shaped(String label, int count) throws Exception {
    String businessKeys = "shaped-" + run + "-" + label + "-%";
    Date dueDate = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(30)));
    return measure(count, index -> {
          String reference = "shaped-" + run + "-" + label + "-" + index;
          Map<String, Object> variables = new HashMap<>();
          variables.put(REQUEST_REFERENCE, reference);
          variables.put(OBJECTION_SCOPE, "DIRECT_MARKETING");
          variables.put(CONFIRMATION_REQUIRED, false);
          variables.put(IDENTITY_ESTABLISHED, true);
          variables.put(ACTS_BEFORE_ANY_LETTER, true);
          variables.put(POSTAL_DELIVERY, false);
          variables.put(FULFILMENT_PROCESS_ID, SHAPED_FULFILMENT);
          variables.put(DUPLICATE_SUBMISSION, false);
          variables.put(TASK_DUE_DATE, dueDate);
          variables.put(FIRST_MONTH_ENDS_AT, dueDate);
          engine.getRuntimeService().startProcessInstanceByKey(SHAPED_PROCESS, reference, variables);
        },
        () -> engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(SHAPED_PROCESS)
            .processInstanceBusinessKeyLike(businessKeys).finished().count(),
        NOBODY);
  }

  // named *.bpmn20.xml, which the application's own deployment pattern (every *.bpmn on the classpath) leaves alone
  private void deployShapedProcesses() {
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(SHAPED_PROCESS);
    SHAPED_MODELS.forEach(model -> deployment.addClasspathResource("bench/" + model + ".bpmn20.xml"));
    deployment.deploy();
  }

  /** How often each async activity ran since the moment, read from history, most first. */
  private String asyncStepsSince(Timestamp from) {
    Set<String> async = new HashSet<>();
    engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list().forEach(definition ->
        engine.getRepositoryService().getBpmnModelInstance(definition.getId())
            .getModelElementsByType(FlowNode.class).stream()
            .filter(node -> node.isCamundaAsyncBefore() || node.isCamundaAsyncAfter())
            .forEach(node -> async.add(definition.getKey() + "/" + node.getId())));
    StringBuilder lines = new StringBuilder();
    jdbc.query("""
        SELECT PROC_DEF_KEY_ || '/' || ACT_ID_ AS ACTIVITY, COUNT(*) AS RUNS FROM ACT_HI_ACTINST
        WHERE START_TIME_ >= ? GROUP BY PROC_DEF_KEY_, ACT_ID_ ORDER BY COUNT(*) DESC""", row -> {
          if (async.contains(row.getString("ACTIVITY"))) {
            lines.append("%8d  %s%n".formatted(row.getLong("RUNS"), row.getString("ACTIVITY")));
          }
        }, from);
    return lines.toString();
  }

  private String deployBareProcess(int asyncSteps) {
    String key = "RatioBareProcess";
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started");
    for (int step = 1; step <= asyncSteps; step++) {
      flow = flow.serviceTask("Task_Step" + step).camundaAsyncBefore().camundaExpression("${true}");
    }
    BpmnModelInstance model = flow.endEvent("EndEvent_Done").done();
    engine.getRepositoryService().createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy();
    return key;
  }

  private void report(OurPath path, Phase ours, Phase bare, int asyncSteps) {
    double ourRate = ours.perSecond();
    double bareRate = bare.perSecond();
    System.out.printf("%n%s, %d instances each, %d client threads, %d async steps per instance (%s)%n",
        DATABASE, INSTANCES, CLIENTS, asyncSteps, BenchSupport.loadAverage());
    System.out.printf("%-60s %d ms, %.1f/s; %s%n", path.measured + ":", ours.millis(), ourRate, ours.perStep());
    System.out.printf("%-60s %d ms, %.1f/s; %s%n", "bare process with %d async service tasks:".formatted(asyncSteps),
        bare.millis(), bareRate, bare.perStep());
    System.out.printf("ratio (ours / bare): %.2f%n", ourRate / bareRate);
    if (MOST_RUN > 0) {
      System.out.printf("%nthe %d statements run most often on our path:%n%s%n", MOST_RUN,
          ours.counts().mostRun(MOST_RUN));
    }
  }



  private void reportShaped(Phase ours, Phase bare, Phase shaped) {
    System.out.printf("%-60s %d ms, %.1f/s; %s%n", "bare process shaped like ours, %s (%.1f async steps per instance):"
        .formatted(SHAPED_FULFILMENT, (double) shaped.jobs() / shaped.instances()), shaped.millis(), shaped.perSecond(),
        shaped.perStep());
    System.out.printf("ratio (shaped / bare): %.2f, the engine's cost of our shape; (ours / shaped): %.2f, our code's%n",
        shaped.perSecond() / bare.perSecond(), ours.perSecond() / shaped.perSecond());
    if (MOST_RUN > 0) {
      System.out.printf("%nthe %d statements run most often by the shaped process:%n%s%n", MOST_RUN,
          shaped.counts().mostRun(MOST_RUN));
    }
  }

  private static String createPostgresDatabase(String name) throws SQLException {
    try (Connection server = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "")) {
      server.createStatement().execute("CREATE DATABASE " + name);
    }
    return name;
  }

  private static void dropPostgresDatabase(String name) throws SQLException {
    try (Connection server = DriverManager.getConnection(PG_SERVER + "postgres", PG_USER, "")) {
      server.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @FunctionalInterface
  private interface Starter {
    void start(int index) throws Exception;
  }

  /** The steps a person is to take in Tasklist now, each once; nobody's on most paths. */
  @FunctionalInterface
  private interface ByHand {
    List<Callable<Void>> due();
  }

  private static final ByHand NOBODY = List::of;

  /**
   * The collections of the shaped process's loops, a bean ({@code ${shapedLoops.systems()}}) as our loops'
   * {@code ${companySystemIds.searchable()}} is: as many items as the demo has searchable systems, and none.
   */
  public static final class ShapedLoops {
    private volatile List<String> systems = List.of();

    public List<String> systems() {
      return systems;
    }

    /** A serializable empty list, as our code keeps when no recipient is to be told. */
    public List<String> none() {
      return new ArrayList<>();
    }
  }

  /** Our paths the driver can measure against the bare engine. */
  private enum OurPath {
    OBJECTION("objections to direct marketing, intake to answer sent"),
    ACCESS("access requests, confirmation to report ready for review");

    private final String measured;

    OurPath(String measured) {
      this.measured = measured;
    }

    /** The phase's name in the subjects' addresses and the bare instances' business keys. */
    String label(String phase) {
      return name().toLowerCase() + "-" + phase;
    }

    static List<OurPath> chosen() {
      return switch (PATHS) {
        case "objection" -> List.of(OBJECTION);
        case "access" -> List.of(ACCESS);
        case "both" -> List.of(OBJECTION, ACCESS);
        default -> throw new IllegalArgumentException("benchmark.path is objection, access or both, not " + PATHS);
      };
    }
  }

  private record Phase(Timestamp from, int instances, long millis, long jobs, JdbcCounter.Counts counts) {
    double perSecond() {
      return instances * 1000.0 / millis;
    }

    String perStep() {
      return "%d jobs, %.1f statements and %.2f commits per job, %.0f statements per instance".formatted(jobs,
          (double) counts.statements() / jobs, (double) counts.commits() / jobs,
          (double) counts.statements() / instances);
    }
  }
}
