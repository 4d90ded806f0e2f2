package dev.signet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.benchmarks.report.JmhChart;
import dev.signet.benchmarks.report.JmhReport;
import dev.signet.benchmarks.report.JmhResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark method once, briefly, so that the benchmarks cannot rot: one fork, one
 * warm-up and one measurement iteration of 100 ms each. It measures nothing; BENCHMARKS.md says how
 * to measure. Then draws the chart from the run's JSON, so the report's tools are run too.
 */
class BenchmarkSmokeTest {
  private static final Set<String> EXPECTED =
      Set.of(
          "SignBenchmark.signet",
          "SignBenchmark.signetBuildAndSign",
          "SignBenchmark.signetFreshNonce",
          "SignBenchmark.handWritten",
          "SignBenchmark.hmacFloor",
          "SignBenchmark.hmacPrecomputed",
          "VerifyBenchmark.verify",
          "VerifyBenchmark.verifyReplayDefaultStore",
          "PartsBenchmark.signedTextAndMac",
          "PartsBenchmark.queryRead",
          "PartsBenchmark.queryScanFloor",
          "PartsBenchmark.userAttributesRead");

  @Test
  void everyBenchmarkMethodRunsAndTheChartIsDrawn() throws RunnerException, Exception {
    Path out = Paths.get("target", "smoke");
    Files.createDirectories(out);
    Path json = out.resolve("jmh-smoke.json");
    Options options =
        new OptionsBuilder()
            .include("dev\\.signet\\.benchmarks\\.(Sign|Verify|Parts)Benchmark\\.")
            .forks(1)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(100))
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .threads(1)
            .jvmArgsAppend("-Xmx256m", "-XX:TieredStopAtLevel=1")
            .shouldFailOnError(true)
            .resultFormat(ResultFormatType.JSON)
            .result(json.toString())
            .build();
    Collection<RunResult> results = new Runner(options).run();

    Set<String> ran = new TreeSet<>();
    for (RunResult result : results) {
      String label = result.getParams().getBenchmark();
      ran.add(label.substring("dev.signet.benchmarks.".length()));
      assertTrue(result.getPrimaryResult().getScore() > 0, label + " did no work");
    }
    assertEquals(new TreeSet<>(EXPECTED), ran);

    List<JmhResult> parsed = JmhResult.read(json);
    assertEquals(EXPECTED.size(), parsed.size());
    // The report takes the parts apart: a row for each whole and part, and for what is left.
    String parts = JmhReport.parts(parsed);
    assertEquals(11, parts.lines().count(), parts);
    assertTrue(parts.contains("| `queryRead`: the query read | "), parts);
    assertTrue(parts.contains("| `queryScanFloor`, not Signet's code: "), parts);
    Path png = out.resolve("jmh-smoke.png");
    JmhChart.main(new String[] {png.toString(), json.toString()});
    byte[] header = Files.readAllBytes(png);
    assertTrue(header.length > 1000 && header[1] == 'P' && header[2] == 'N' && header[3] == 'G');
  }
}
