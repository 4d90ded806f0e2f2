package dev.signet.benchmarks.report;

import dev.signet.runtime.JsonParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One benchmark's result as JMH writes it with {@code -rf json}: the figures the report and the
 * chart use.
 *
 * @param benchmark the method, such as {@code SignBenchmark.signet}
 * @param mode JMH's mode, such as {@code thrpt}
 * @param threads the threads that ran it
 * @param forks the forks
 * @param iterations the measurement iterations of all forks together
 * @param score JMH's score: the mean over the measurement iterations
 * @param error JMH's error: the half-width of the 99.9% confidence interval (NaN when JMH gives
 *     none)
 * @param median the median of the measurement iterations
 * @param unit the score's unit, such as {@code ops/s}
 * @param allocatedBytesPerOp {@code gc.alloc.rate.norm}, bytes allocated per operation (NaN unless
 *     run with {@code -prof gc})
 * @param allocatedBytesPerOpError its error
 */
public record JmhResult(
    String benchmark,
    String mode,
    int threads,
    int forks,
    int iterations,
    double score,
    double error,
    double median,
    String unit,
    double allocatedBytesPerOp,
    double allocatedBytesPerOpError) {

  /** The results in {@code json}, in its order. */
  public static List<JmhResult> read(Path json) throws IOException {
    Object parsed = JsonParser.parse(Files.readString(json, StandardCharsets.UTF_8));
    List<JmhResult> results = new ArrayList<>();
    for (Object item : (List<?>) parsed) {
      Map<?, ?> run = (Map<?, ?>) item;
      String benchmark = (String) run.get("benchmark");
      benchmark =
          benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
      Map<?, ?> primary = (Map<?, ?>) run.get("primaryMetric");
      Map<?, ?> percentiles = (Map<?, ?>) primary.get("scorePercentiles");
      int iterations = 0;
      for (Object fork : (List<?>) primary.get("rawData")) {
        iterations += ((List<?>) fork).size();
      }
      Map<?, ?> secondary = (Map<?, ?>) run.get("secondaryMetrics");
      Map<?, ?> alloc = secondary == null ? null : (Map<?, ?>) secondary.get("gc.alloc.rate.norm");
      results.add(
          new JmhResult(
              benchmark,
              (String) run.get("mode"),
              (int) number(run.get("threads")),
              (int) number(run.get("forks")),
              iterations,
              number(primary.get("score")),
              number(primary.get("scoreError")),
              number(percentiles.get("50.0")),
              (String) primary.get("scoreUnit"),
              alloc == null ? Double.NaN : number(alloc.get("score")),
              alloc == null ? Double.NaN : number(alloc.get("scoreError"))));
    }
    return results;
  }

  /** The method's simple name, such as {@code signet}. */
  public String method() {
    return benchmark.substring(benchmark.indexOf('.') + 1);
  }

  /** A JSON number, or NaN for anything else: JMH writes {@code "NaN"} where it has no figure. */
  private static double number(Object value) {
    return value instanceof BigDecimal decimal ? decimal.doubleValue() : Double.NaN;
  }
}
