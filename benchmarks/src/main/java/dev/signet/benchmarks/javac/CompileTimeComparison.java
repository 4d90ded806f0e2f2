package dev.signet.benchmarks.javac;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * How long javac takes on N declared Signet request types, each of 8 parameters, against N
 * AutoValue value types of the same shape with builders, measured in the same run.
 *
 * <p>Both sets have the same 8 properties: {@code alpha}, {@code bravo}, {@code charlie} and {@code
 * nonce} ({@code String}, required), {@code delta} and {@code echo} ({@code Optional<String>}),
 * {@code foxtrot} ({@code Optional<Boolean>}) and {@code golf} ({@code Optional<Long>}). The Signet
 * declarations use {@code lines = NAMES_AND_VALUES}, the scheme the README advises for one's own
 * URLs, so the processor has no ambiguity to warn about. The AutoValue classes have a builder with
 * a setter per property.
 *
 * <p>Each compilation is a new {@code javac} process of the running JDK with the same flags, its
 * own processor path alone, and an empty output folder. The sets alternate (in turned-about order
 * every round, so that neither always follows the other); the warm-up rounds are discarded; the
 * medians of the measured rounds are reported, of the elapsed time and of the CPU time (user and
 * system, all of javac's threads, as bash's {@code time} reports it).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.signet.benchmarks.javac.CompileTimeComparison \
 *     [--types 1000] [--warmups 1] [--runs 5] [--lib DIR] [--work DIR] [--javac-flag FLAG]...</pre>
 *
 * <p>{@code --lib} defaults to {@code target/javac-time/lib} beside the jar, where the build copies
 * the processors' jars; {@code --work} to {@code target/javac-time/work}.
 */
public final class CompileTimeComparison {
  private static final String[] REQUIRED = {"alpha", "bravo", "charlie", "nonce"};
  private static final String[][] OPTIONAL = {
    {"delta", "String"}, {"echo", "String"}, {"foxtrot", "Boolean"}, {"golf", "Long"}
  };

  /** One set of sources and how javac is pointed at its processor. */
  record Contestant(String name, Path root, String classPath, String processorPath) {
    Path sources() {
      return root.resolve("src");
    }

    Path generated() {
      return root.resolve("generated");
    }

    Path classes() {
      return root.resolve("classes");
    }
  }

  /**
   * The measured times of one contestant, in milliseconds: elapsed (what a developer waits for),
   * and the CPU time of the javac process, user and system, all its threads (less disturbed by
   * other processes on a busy machine; in-process, the calling thread's alone).
   */
  public record Timing(
      String name, List<Long> millis, List<Long> cpuMillis, long generatedLines, long classFiles) {
    public long median() {
      return median(millis);
    }

    public long cpuMedian() {
      return median(cpuMillis);
    }

    static long median(List<Long> values) {
      List<Long> sorted = values.stream().sorted().collect(Collectors.toList());
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
  }

  private CompileTimeComparison() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int types = 1000;
    int warmups = 1;
    int runs = 5;
    Path lib = defaultTarget().resolve("javac-time").resolve("lib");
    Path work = defaultTarget().resolve("javac-time").resolve("work");
    List<String> javacFlags = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--types" -> types = Integer.parseInt(args[++i]);
        case "--warmups" -> warmups = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--lib" -> lib = Paths.get(args[++i]);
        case "--work" -> work = Paths.get(args[++i]);
        case "--javac-flag" -> javacFlags.add(args[++i]);
        default -> {
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    List<Timing> timings = run(types, warmups, runs, lib, work, javacFlags, false);
    System.out.print(report(types, warmups, runs, javacFlags, timings));
  }

  /**
   * Generates the sources, compiles them, and returns each contestant's timings.
   *
   * @param inProcess compile with the running JVM's {@code javax.tools} compiler instead of a
   *     {@code javac} process: for the smoke test, which checks that both sets compile, not how
   *     long they take
   */
  public static List<Timing> run(
      int types,
      int warmups,
      int runs,
      Path lib,
      Path work,
      List<String> javacFlags,
      boolean inProcess)
      throws IOException, InterruptedException {
    if (runs < 1 || types < 1 || warmups < 0) {
      throw new IllegalArgumentException("need at least one type and one measured run");
    }
    List<Contestant> contestants =
        List.of(
            new Contestant(
                "Signet",
                work.resolve("signet"),
                jars(lib.resolve("signet-classpath")),
                jars(lib.resolve("signet-processorpath"))),
            new Contestant(
                "AutoValue",
                work.resolve("autovalue"),
                jars(lib.resolve("autovalue-classpath")),
                jars(lib.resolve("autovalue-processorpath"))));
    for (Contestant contestant : contestants) {
      delete(contestant.root());
      Files.createDirectories(contestant.sources());
    }
    writeSignetSources(contestants.get(0).sources(), types);
    writeAutoValueSources(contestants.get(1).sources(), types);

    List<List<Long>> millis = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Long>> cpuMillis = List.of(new ArrayList<>(), new ArrayList<>());
    for (int round = 0; round < warmups + runs; round++) {
      for (int k = 0; k < contestants.size(); k++) {
        int index = round % 2 == 0 ? k : contestants.size() - 1 - k;
        long[] elapsed = compile(contestants.get(index), javacFlags, inProcess);
        System.err.printf(
            Locale.ROOT,
            "%s round %d%s: %d ms elapsed, %d ms CPU%n",
            contestants.get(index).name(),
            round + 1,
            round < warmups ? " (warm-up, discarded)" : "",
            elapsed[0],
            elapsed[1]);
        if (round >= warmups) {
          millis.get(index).add(elapsed[0]);
          cpuMillis.get(index).add(elapsed[1]);
        }
      }
    }
    List<Timing> timings = new ArrayList<>();
    for (int i = 0; i < contestants.size(); i++) {
      Contestant contestant = contestants.get(i);
      timings.add(
          new Timing(
              contestant.name(),
              millis.get(i),
              cpuMillis.get(i),
              countLines(contestant.generated()),
              countFiles(contestant.classes(), ".class")));
    }
    return timings;
  }

  static String report(
      int types, int warmups, int runs, List<String> javacFlags, List<Timing> timings) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "javac %s (%s), %d types of 8 parameters per set, %d warm-up round(s) discarded, %d measured; extra javac flags: %s%n",
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            types,
            warmups,
            runs,
            javacFlags.isEmpty() ? "none" : String.join(" ", javacFlags)));
    out.append(
        "| processor | median elapsed, ms | median CPU, ms | elapsed runs, ms | CPU runs, ms | generated lines | class files |\n");
    out.append("|---|---:|---:|---|---|---:|---:|\n");
    for (Timing timing : timings) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %s | %s | %,d | %,d |%n",
              timing.name(),
              timing.median(),
              timing.cpuMedian(),
              timing.millis().stream().map(String::valueOf).collect(Collectors.joining(", ")),
              timing.cpuMillis().stream().map(String::valueOf).collect(Collectors.joining(", ")),
              timing.generatedLines(),
              timing.classFiles()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "Signet / AutoValue, medians: %.2f× elapsed, %.2f× CPU%n",
            (double) timings.get(0).median() / timings.get(1).median(),
            (double) timings.get(0).cpuMedian() / timings.get(1).cpuMedian()));
    return out.toString();
  }

  /** Compiles one set; returns the elapsed and the CPU milliseconds. */
  private static long[] compile(Contestant contestant, List<String> javacFlags, boolean inProcess)
      throws IOException, InterruptedException {
    delete(contestant.classes());
    delete(contestant.generated());
    Files.createDirectories(contestant.classes());
    Files.createDirectories(contestant.generated());
    Path argFile = contestant.root().resolve("sources.txt");
    try (Stream<Path> files = Files.walk(contestant.sources())) {
      Files.write(
          argFile,
          files
              .filter(p -> p.toString().endsWith(".java"))
              .sorted()
              .map(p -> p.toAbsolutePath().toString())
              .collect(Collectors.toList()));
    }
    List<String> arguments = new ArrayList<>(javacFlags);
    arguments.addAll(
        Arrays.asList(
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-classpath",
            contestant.classPath(),
            "-processorpath",
            contestant.processorPath(),
            "-d",
            contestant.classes().toString(),
            "-s",
            contestant.generated().toString(),
            "@" + argFile));
    Path log = contestant.root().resolve("javac.log");
    if (inProcess) {
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream output = new ByteArrayOutputStream();
      long start = System.nanoTime();
      long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      int exit =
          javac.run(
              null,
              output,
              output,
              arguments.stream().filter(a -> !a.startsWith("-J")).toArray(String[]::new));
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      long cpu =
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
      Files.write(log, output.toByteArray());
      if (exit != 0) {
        throw new IllegalStateException(
            contestant.name() + ": javac failed (" + exit + "):\n" + output);
      }
      return new long[] {elapsed, cpu};
    }
    // bash's time keyword reports the user and system CPU time of javac and all its threads.
    Path times = contestant.root().resolve("javac.times");
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add("-c");
    command.add(
        "TIMEFORMAT='%3U %3S'; { time \"$@\" > \"$SIGNET_JAVAC_LOG\" 2>&1; } 2> \"$SIGNET_JAVAC_TIMES\"");
    command.add("bash");
    command.add(Paths.get(System.getProperty("java.home"), "bin", "javac").toString());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("SIGNET_JAVAC_LOG", log.toString());
    builder.environment().put("SIGNET_JAVAC_TIMES", times.toString());
    builder.environment().put("LC_ALL", "C"); // a decimal point in the times, whatever the locale
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    if (exit != 0) {
      throw new IllegalStateException(
          contestant.name() + ": javac failed (" + exit + "):\n" + Files.readString(log));
    }
    String[] userAndSystem = Files.readString(times).trim().split("\\s+");
    long cpu =
        Math.round(
            (Double.parseDouble(userAndSystem[0]) + Double.parseDouble(userAndSystem[1])) * 1000);
    return new long[] {elapsed, cpu};
  }

  static void writeSignetSources(Path sources, int types) throws IOException {
    Path dir = Files.createDirectories(sources.resolve("gen/signet"));
    for (int i = 0; i < types; i++) {
      StringBuilder s = new StringBuilder();
      s.append("package gen.signet;\n\n")
          .append("import dev.signet.annotations.Nonce;\n")
          .append("import dev.signet.annotations.SignedLines;\n")
          .append("import dev.signet.annotations.SignedUrl;\n")
          .append("import java.util.Optional;\n\n")
          .append("@SignedUrl(path = \"/api/request")
          .append(i)
          .append("\", lines = SignedLines.NAMES_AND_VALUES)\n")
          .append("public interface Request")
          .append(i)
          .append(" {\n");
      for (String name : REQUIRED) {
        if (name.equals("nonce")) {
          s.append("  @Nonce(length = 32)\n");
        }
        s.append("  String ").append(name).append("();\n\n");
      }
      for (String[] optional : OPTIONAL) {
        s.append("  Optional<")
            .append(optional[1])
            .append("> ")
            .append(optional[0])
            .append("();\n\n");
      }
      s.setLength(s.length() - 1);
      s.append("}\n");
      Files.writeString(dir.resolve("Request" + i + ".java"), s, StandardCharsets.UTF_8);
    }
  }

  static void writeAutoValueSources(Path sources, int types) throws IOException {
    Path dir = Files.createDirectories(sources.resolve("gen/autovalue"));
    for (int i = 0; i < types; i++) {
      String type = "Value" + i;
      StringBuilder s = new StringBuilder();
      s.append("package gen.autovalue;\n\n")
          .append("import com.google.auto.value.AutoValue;\n")
          .append("import java.util.Optional;\n\n")
          .append("@AutoValue\n")
          .append("public abstract class ")
          .append(type)
          .append(" {\n");
      for (String name : REQUIRED) {
        s.append("  public abstract String ").append(name).append("();\n\n");
      }
      for (String[] optional : OPTIONAL) {
        s.append("  public abstract Optional<")
            .append(optional[1])
            .append("> ")
            .append(optional[0])
            .append("();\n\n");
      }
      s.append("  public static Builder builder() {\n")
          .append("    return new AutoValue_")
          .append(type)
          .append(".Builder();\n  }\n\n")
          .append("  @AutoValue.Builder\n")
          .append("  public abstract static class Builder {\n");
      for (String name : REQUIRED) {
        s.append("    public abstract Builder ")
            .append(name)
            .append("(String ")
            .append(name)
            .append(");\n\n");
      }
      for (String[] optional : OPTIONAL) {
        s.append("    public abstract Builder ")
            .append(optional[0])
            .append('(')
            .append(optional[1])
            .append(' ')
            .append(optional[0])
            .append(");\n\n");
      }
      s.append("    public abstract ").append(type).append(" build();\n  }\n}\n");
      Files.writeString(dir.resolve(type + ".java"), s, StandardCharsets.UTF_8);
    }
  }

  private static String jars(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          dir + " is missing: build the module first (mvn -pl benchmarks -am package -DskipTests)");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".jar"))
          .sorted()
          .map(p -> p.toAbsolutePath().toString())
          .collect(Collectors.joining(java.io.File.pathSeparator));
    }
  }

  private static Path defaultTarget() {
    try {
      Path location =
          Paths.get(
              CompileTimeComparison.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      // target/benchmarks.jar or target/classes: either way, its folder's parent is target.
      return location.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long countLines(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .mapToLong(
              p -> {
                try (Stream<String> lines = Files.lines(p)) {
                  return lines.count();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .sum();
    }
  }

  private static long countFiles(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(suffix)).count();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    }
  }
}
