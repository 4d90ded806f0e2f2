package dev.signet.benchmarks.javac;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Where javac's time goes for each set of {@link CompileTimeComparison}: a profiling aid, not the
 * comparison. Compiles both sets in this JVM, several times so that javac itself is warm, and
 * reports for the last round the milliseconds spent in each of javac's phases, as its {@code
 * TaskListener} events tell them: annotation processing (the processor's own work, and parsing what
 * it wrote), then attributing and flow-checking ({@code ANALYZE}) and writing class files ({@code
 * GENERATE}) for the declared and the generated types together.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.signet.benchmarks.javac.CompilePhases \
 *     [--types 1000] [--rounds 3] [--lib DIR] [--work DIR]</pre>
 */
public final class CompilePhases {
  private CompilePhases() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int types = 1000;
    int rounds = 3;
    Path target =
        Paths.get(CompilePhases.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .getParent();
    Path lib = target.resolve("javac-time").resolve("lib");
    Path work = target.resolve("javac-time").resolve("phases-work");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--types" -> types = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--lib" -> lib = Paths.get(args[++i]);
        case "--work" -> work = Paths.get(args[++i]);
        default -> {
          System.err.println("unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }
    // Writes the sources (and checks that both sets compile) once.
    CompileTimeComparison.run(types, 0, 1, lib, work, List.of(), true);
    String[][] sets = {
      {"Signet", "signet", "signet-classpath", "signet-processorpath"},
      {"AutoValue", "autovalue", "autovalue-classpath", "autovalue-processorpath"}
    };
    System.out.printf(
        Locale.ROOT,
        "%d types per set; javac in this JVM, phases of round %d of %d (ms; processing includes parsing what the processor wrote)%n",
        types,
        rounds,
        rounds);
    System.out.println(
        "| set | total | annotation processing | analyze (attribute, flow) | generate (class files) | other (parse, enter, ...) |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    Map<String, Map<TaskEvent.Kind, Long>> last = new java.util.LinkedHashMap<>();
    long[] totals = new long[sets.length];
    for (int round = 1; round <= rounds; round++) {
      for (int s = 0; s < sets.length; s++) {
        String[] set = sets[s];
        Path root = work.resolve(set[1]);
        Map<TaskEvent.Kind, Long> phases = new EnumMap<>(TaskEvent.Kind.class);
        long start = System.nanoTime();
        compile(root, lib.resolve(set[2]), lib.resolve(set[3]), phases);
        totals[s] = (System.nanoTime() - start) / 1_000_000;
        last.put(set[0], phases);
      }
    }
    int s = 0;
    for (Map.Entry<String, Map<TaskEvent.Kind, Long>> entry : last.entrySet()) {
      Map<TaskEvent.Kind, Long> phases = entry.getValue();
      long processing = ms(phases, TaskEvent.Kind.ANNOTATION_PROCESSING);
      long analyze = ms(phases, TaskEvent.Kind.ANALYZE);
      long generate = ms(phases, TaskEvent.Kind.GENERATE);
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %d | %d | %d | %d |%n",
          entry.getKey(),
          totals[s],
          processing,
          analyze,
          generate,
          totals[s] - processing - analyze - generate);
      s++;
    }
  }

  private static long ms(Map<TaskEvent.Kind, Long> phases, TaskEvent.Kind kind) {
    return phases.getOrDefault(kind, 0L) / 1_000_000;
  }

  private static void compile(
      Path root, Path classPath, Path processorPath, Map<TaskEvent.Kind, Long> phases)
      throws IOException {
    Path classes = root.resolve("phases-classes");
    Path generated = root.resolve("phases-generated");
    for (Path dir : List.of(classes, generated)) {
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path p :
              files.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(dir);
    }
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root.resolve("src"))) {
      sources =
          files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<String> options =
          List.of(
              "--release", "17",
              "-classpath", jars(classPath),
              "-processorpath", jars(processorPath),
              "-d", classes.toString(),
              "-s", generated.toString());
      StringWriter output = new StringWriter();
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  output, files, null, options, null, files.getJavaFileObjectsFromPaths(sources));
      Map<TaskEvent.Kind, Integer> depth = new EnumMap<>(TaskEvent.Kind.class);
      Map<TaskEvent.Kind, Long> started = new EnumMap<>(TaskEvent.Kind.class);
      task.addTaskListener(
          new TaskListener() {
            @Override
            public void started(TaskEvent e) {
              // Events of one kind may nest (processing rounds); time the outermost only.
              if (depth.merge(e.getKind(), 1, Integer::sum) == 1) {
                started.put(e.getKind(), System.nanoTime());
              }
            }

            @Override
            public void finished(TaskEvent e) {
              if (depth.merge(e.getKind(), -1, Integer::sum) == 0) {
                phases.merge(e.getKind(), System.nanoTime() - started.get(e.getKind()), Long::sum);
              }
            }
          });
      if (!task.call()) {
        throw new IllegalStateException(root + " did not compile:\n" + output);
      }
    }
  }

  private static String jars(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.toString().endsWith(".jar"))
          .sorted()
          .map(p -> p.toAbsolutePath().toString())
          .collect(Collectors.joining(File.pathSeparator));
    }
  }
}
