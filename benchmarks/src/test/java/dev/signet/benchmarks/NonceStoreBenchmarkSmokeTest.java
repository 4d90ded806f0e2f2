package dev.signet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link NonceStoreBenchmark} once per store and method, briefly, as {@link
 * BenchmarkSmokeTest} runs the others: it measures nothing, and fails if a store refuses a fresh
 * URL or its server does not start.
 */
class NonceStoreBenchmarkSmokeTest {
  @Test
  void everyStoreAndThreadCountRuns() throws Exception {
    Options options =
        new OptionsBuilder()
            .include("dev\\.signet\\.benchmarks\\.NonceStoreBenchmark\\.")
            .forks(1)
            .warmupIterations(1)
            .warmupTime(TimeValue.milliseconds(100))
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .jvmArgsAppend("-Xmx512m", "-XX:TieredStopAtLevel=1")
            .shouldFailOnError(true)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    Set<String> ran = new TreeSet<>();
    for (RunResult result : results) {
      String label =
          result.getParams().getBenchmark().substring("dev.signet.benchmarks.".length())
              + " "
              + result.getParams().getParam("store");
      ran.add(label);
      assertTrue(result.getPrimaryResult().getScore() > 0, label + " did no work");
    }
    Set<String> expected = new TreeSet<>();
    for (String method : new String[] {"oneThread", "fourThreads"}) {
      for (String store : new String[] {"memory", "redis", "postgres"}) {
        expected.add("NonceStoreBenchmark." + method + " " + store);
      }
    }
    assertEquals(expected, ran);
  }
}
