package dev.signet.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark's contestants do the same work: each writes the same URL or signature. */
class SameUrlTest {
  @Test
  void handWrittenWritesTheSignersUrlByteForByte() {
    SignBenchmark benchmark = new SignBenchmark();
    benchmark.setUp();
    String url = benchmark.signet();
    assertEquals(url, benchmark.handWritten());
    assertEquals(url, benchmark.signetBuildAndSign());
  }

  @Test
  void theFloorComputesTheSignersSignature() throws Exception {
    SignBenchmark benchmark = new SignBenchmark();
    benchmark.setUp();
    SignBenchmark.Floor floor = new SignBenchmark.Floor();
    floor.setUp();
    String url = benchmark.signet();
    assertEquals(url.substring(url.indexOf("&signature=") + 11), benchmark.hmacFloor(floor));
    assertEquals(benchmark.hmacFloor(floor), benchmark.hmacPrecomputed(floor));
  }

  @Test
  void theVerifierAcceptsTheUrl() {
    VerifyBenchmark benchmark = new VerifyBenchmark();
    benchmark.setUp();
    assertEquals(true, benchmark.verify().isVerified());
    assertEquals(false, benchmark.verifyReplayDefaultStore().isVerified());
  }
}
