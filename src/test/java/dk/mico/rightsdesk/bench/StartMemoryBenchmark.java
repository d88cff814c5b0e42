package dk.mico.rightsdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.mico.rightsdesk.support.AppProcess;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A driver, not a test (issue 15, docs/benchmarks.md "Start and memory"): start-up time and idle memory of the packaged
 * application (demo profile, a fresh data folder) against a bare Camunda webapp starter (bench/bare-camunda, built
 * here) and against the floor, the same starter with the product's libraries and none of its code (bench/bare-camunda
 * with -Pproduct-libraries), each a JVM of its own with the same JVM options, a few rounds taking turns; then 1,000
 * objections to direct marketing into ours and its memory once they are answered. Run it as docs/benchmarks.md says:
 *
 * <pre>./mvnw -q package -DskipTests && ./mvnw -q test -Dtest=StartMemoryBenchmark -Dbenchmark.start-memory=true</pre>
 *
 * Start = the JVM's own uptime in Spring Boot's "Started ... (process running for N)" line, the same line for all three
 * (it comes before the ready event; ours is ready a little later, printed beside it). Memory = VmRSS of
 * /proc/pid/status after a settle period, and again after {@code jcmd pid GC.run}. CPU = the JVM's user and system
 * seconds when it was ready (clock ticks of 1/100 s).
 */
class StartMemoryBenchmark {

  private static final boolean RUN = Boolean.getBoolean("benchmark.start-memory");
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
  private static final int REQUESTS = Integer.getInteger("benchmark.requests", 1000);
  private static final int CLIENTS = Integer.getInteger("benchmark.clients", 4);
  /**
   * Idle after ready: long enough for the periodic collection (30 s after the last one, rightsdesk.jvm-options) to
   * have come, since the first minute after ready still collects now and then; at 45 s it often had not.
   */
  private static final Duration SETTLE = Duration.ofSeconds(Integer.getInteger("benchmark.settle-seconds", 90));
  /**
   * How long RSS is watched after the burst: the processes go on for a while after their answer letters have left,
   * and the periodic collection comes only after 30 s without any (rightsdesk.jvm-options).
   */
  private static final Duration AFTER_BURST =
      Duration.ofSeconds(Integer.getInteger("benchmark.after-burst-seconds", 180));
  private static final Duration RSS_EVERY = Duration.ofSeconds(15);
  /** The first of three ports (HTTP, SMTP, IMAP); free ones when not given. */
  private static final Integer PORT = Integer.getInteger("benchmark.port");
  /** The production JVM options (pom.xml, rightsdesk.jvm-options), for all three JVMs. */
  private static final List<String> JVM_OPTIONS =
      Arrays.stream(System.getProperty("rightsdesk.jvm-options", "").trim().split("\\s+"))
          .filter(option -> !option.isEmpty()).toList();

  private static final Path BARE_PROJECT = Path.of("bench", "bare-camunda");
  private static final Path WORK = Path.of("target", "start-memory");
  private static final Pattern STARTED =
      Pattern.compile("Started \\w+ in [\\d.]+ seconds \\(process running for ([\\d.]+)\\)");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void startAndMemoryAgainstTheBareEngine() throws Exception {
    assumeTrue(RUN, "run with -Dbenchmark.start-memory=true after ./mvnw package (docs/benchmarks.md)");
    Path bareJar = buildBareEngine(false);
    Path librariesJar = buildBareEngine(true);
    Path ourJar = AppProcess.packagedJar();
    deleteTree(WORK);
    System.out.printf("%nJVM options for all three: %s%n",
        JVM_OPTIONS.isEmpty() ? "(the JVM's defaults)" : JVM_OPTIONS);

    List<Figures> bare = new ArrayList<>();
    List<Figures> libraries = new ArrayList<>();
    List<Figures> ours = new ArrayList<>();
    AppProcess last = null;
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        AppProcess b = bare(bareJar, round);
        bare.add(measure(b));
        b.stop();
        AppProcess l = withLibraries(librariesJar, round);
        libraries.add(measure(l));
        l.stop();
        AppProcess o = ours(ourJar, round);
        ours.add(measure(o));
        if (round < ROUNDS) {
          o.stop();
        } else {
          last = o;
        }
      }
      System.out.printf("%n%-28s %12s %12s %12s %14s %14s%n", "", "started (s)", "ready (s)", "CPU (s)",
          "idle RSS (MB)", "after GC (MB)");
      for (int i = 0; i < ROUNDS; i++) {
        System.out.println(bare.get(i).row("bare, round " + (i + 1)));
        System.out.println(libraries.get(i).row("bare + libraries, round " + (i + 1)));
        System.out.println(ours.get(i).row("ours, round " + (i + 1)));
      }
      Figures b = Figures.median(bare);
      Figures l = Figures.median(libraries);
      Figures o = Figures.median(ours);
      System.out.println(b.row("bare, median"));
      System.out.println(l.row("bare + libraries, median"));
      System.out.println(o.row("ours, median"));
      System.out.println(o.ratio("ours/bare", b));
      System.out.println(l.ratio("bare + libraries/bare", b));
      System.out.println(o.ratio("ours/bare + libraries", l));

      Figures idle = ours.get(ROUNDS - 1);
      Duration took = submitAndWait(last);
      long afterKb = watchRss(last.pid(), idle.idleKb);
      long afterGcKb = rssAfterGc(last.pid());
      System.out.printf("%n%d objections answered in %d s; ours %d s after them: RSS %d MB, %.2f of idle (%d MB); "
              + "after GC %d MB, %.2f of idle after GC (%d MB)%n",
          REQUESTS, took.toSeconds(), AFTER_BURST.toSeconds(), afterKb / 1024, (double) afterKb / idle.idleKb,
          idle.idleKb / 1024, afterGcKb / 1024, (double) afterGcKb / idle.gcKb, idle.gcKb / 1024);
      System.out.println(jcmd(last.pid(), "GC.heap_info"));
      // what the heap holds after the run: the classes with the most bytes
      System.out.println(jcmd(last.pid(), "GC.class_histogram").lines().limit(23)
          .collect(Collectors.joining("\n")));
    } finally {
      if (last != null) {
        last.stop();
      }
    }
  }

  private AppProcess bare(Path jar, int round) throws IOException {
    Path dir = Files.createDirectories(WORK.resolve("bare-" + round));
    return new AppProcess("bare-" + round, jar, JVM_OPTIONS, "/camunda/app/welcome/default/", dir, WORK,
        port(0), List.of());
  }

  private AppProcess withLibraries(Path jar, int round) throws IOException {
    Path dir = Files.createDirectories(WORK.resolve("libraries-" + round));
    return new AppProcess("libraries-" + round, jar, JVM_OPTIONS, "/actuator/health/readiness", dir, WORK, port(0),
        List.of());
  }

  private AppProcess ours(Path jar, int round) throws IOException {
    Path dir = Files.createDirectories(WORK.resolve("ours-" + round));
    return new AppProcess("ours-" + round, jar, JVM_OPTIONS, "/actuator/health/readiness", dir, WORK, port(0),
        List.of("--rightsdesk.mail.embedded-port=" + port(1), "--rightsdesk.mail.embedded-imap-port=" + port(2),
            // every request comes from this one address
            "--rightsdesk.intake.max-per-client-per-hour=1000000"));
  }

  private static int port(int offset) throws IOException {
    return PORT != null ? PORT + offset : AppProcess.freePort();
  }

  private Figures measure(AppProcess app) throws Exception {
    long launched = System.nanoTime();
    app.start();
    double ready = (System.nanoTime() - launched) / 1e9;
    double cpu = cpuSeconds(app.pid());
    Matcher started = STARTED.matcher(Files.readString(app.log(), StandardCharsets.UTF_8));
    assertThat(started.find()).as("the Started line%s", app.logTail()).isTrue();
    Thread.sleep(SETTLE.toMillis());
    long idleKb = rssKb(app.pid());
    return new Figures(Double.parseDouble(started.group(1)), ready, cpu, idleKb, rssAfterGc(app.pid()));
  }

  /** Objections to direct marketing (no human step), answered when their answer letter has left the outbox. */
  private Duration submitAndWait(AppProcess app) throws Exception {
    Instant start = Instant.now();
    String run = Long.toString(System.currentTimeMillis(), 36);
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<String>> submitted = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String email = "start-" + run + "-" + i + "@example.dk";
      submitted.add(pool.submit(() -> {
        HttpResponse<String> response = app.submit(Map.of("type", "OBJECTION", "objectionScope", "DIRECT_MARKETING",
            "name", "Bench Person", "email", email));
        String reference = AppProcess.referenceOf(response);
        assertThat(reference).as("intake answered %d %s", response.statusCode(), response.body()).isNotNull();
        return reference;
      }));
    }
    List<String> references = new ArrayList<>();
    for (Future<String> future : submitted) {
      references.add(future.get());
    }
    pool.shutdown();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
    for (String reference : references) {
      while (!answerSent(app, reference)) {
        assertThat(Instant.now()).as("%s still unanswered%s", reference, app.logTail()).isBefore(deadline);
        Thread.sleep(1000);
      }
    }
    return Duration.between(start, Instant.now());
  }

  private boolean answerSent(AppProcess app, String reference) throws Exception {
    for (JsonNode letter : app.officerView(reference).path("letters")) {
      if (letter.path("kind").asText().equals("ANSWER") && !letter.path("deliveredAt").isNull()
          && !letter.path("deliveredAt").isMissingNode()) {
        return true;
      }
    }
    return false;
  }

  // --- the bare engine, /proc and jcmd -----------------------------------------------------------------------------

  /** The bare starter, or with the product's libraries (its pom's product-libraries profile, a folder of its own). */
  private static Path buildBareEngine(boolean withLibraries) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q", "-ntp",
        "-f", BARE_PROJECT.resolve("pom.xml").toString(), "package"));
    if (withLibraries) {
      command.add("-Pproduct-libraries");
    }
    Process build = new ProcessBuilder(command).inheritIO().start();
    assertThat(build.waitFor()).as("building %s", command).isZero();
    Path target = BARE_PROJECT.resolve("target");
    return (withLibraries ? target.resolve("libraries").resolve("bare-camunda-libraries.jar")
        : target.resolve("bare-camunda.jar")).toAbsolutePath();
  }

  /** User and system time the JVM has used (all its threads: JIT and GC too); less affected by load than wall time. */
  private static double cpuSeconds(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // the fields after the command name's closing parenthesis; utime and stime are the 14th and 15th of the line
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  /** Prints RSS every 15 s for AFTER_BURST against idle, and answers the last. */
  private static long watchRss(long pid, long idleKb) throws Exception {
    long kb = rssKb(pid);
    for (long waited = 0; waited < AFTER_BURST.toSeconds(); waited += RSS_EVERY.toSeconds()) {
      System.out.printf("%4d s after the burst: RSS %d MB, %.2f of idle%n", waited, kb / 1024, (double) kb / idleKb);
      Thread.sleep(RSS_EVERY.toMillis());
      kb = rssKb(pid);
    }
    return kb;
  }

  private static long rssAfterGc(long pid) throws Exception {
    jcmd(pid, "GC.run");
    Thread.sleep(3000);
    return rssKb(pid);
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(jcmd.waitFor()).as("jcmd %s: %s", command, out).isZero();
    return out;
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }

  /** One start: the JVM's uptime at "Started", the wall time to the ready path's 200, RSS idle and after a GC. */
  private record Figures(double started, double ready, double cpu, long idleKb, long gcKb) {

    static Figures median(List<Figures> all) {
      return new Figures(mid(all.stream().mapToDouble(Figures::started).sorted().toArray()),
          mid(all.stream().mapToDouble(Figures::ready).sorted().toArray()),
          mid(all.stream().mapToDouble(Figures::cpu).sorted().toArray()),
          (long) mid(all.stream().mapToDouble(Figures::idleKb).sorted().toArray()),
          (long) mid(all.stream().mapToDouble(Figures::gcKb).sorted().toArray()));
    }

    /** The middle value; with an even number of rounds the mean of the two middle ones (with 2, not the higher). */
    private static double mid(double[] sorted) {
      int half = sorted.length / 2;
      return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    String ratio(String label, Figures other) {
      return ("ratio %s: started %.2f (%.1f s / %.1f s), CPU to ready %.2f (%.1f s / %.1f s), "
          + "idle RSS %.2f (%d MB / %d MB), after GC %.2f (%d MB / %d MB)").formatted(label,
          started / other.started, started, other.started, cpu / other.cpu, cpu, other.cpu,
          (double) idleKb / other.idleKb, idleKb / 1024, other.idleKb / 1024,
          (double) gcKb / other.gcKb, gcKb / 1024, other.gcKb / 1024);
    }

    String row(String label) {
      return "%-28s %12.1f %12.1f %12.1f %14d %14d".formatted(label, started, ready, cpu, idleKb / 1024,
          gcKb / 1024);
    }
  }
}
