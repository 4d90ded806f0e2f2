package dev.signet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.benchmarks.javac.CompileTimeComparison;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke run of the javac-time comparison on three types per set, compiled in this JVM: both sets
 * must compile with their processors. It measures nothing.
 */
class CompileTimeComparisonTest {
  @Test
  void bothSetsCompileWithTheirProcessors() throws Exception {
    Path target = Paths.get("target", "javac-time");
    List<CompileTimeComparison.Timing> timings =
        CompileTimeComparison.run(
            3, 0, 1, target.resolve("lib"), target.resolve("smoke-work"), List.of(), true);
    assertEquals(2, timings.size());
    assertTrue(
        Files.exists(target.resolve("smoke-work/signet/classes/gen/signet/SignetRequest2.class")));
    assertTrue(
        Files.exists(
            target.resolve("smoke-work/autovalue/classes/gen/autovalue/AutoValue_Value2.class")));
    for (CompileTimeComparison.Timing timing : timings) {
      assertTrue(timing.generatedLines() > 0, timing.name() + " generated nothing");
    }
  }
}
