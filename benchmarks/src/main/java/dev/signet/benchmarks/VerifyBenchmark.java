package dev.signet.benchmarks;

import dev.signet.omni.SignetOmniLogin;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.Verifier;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generated verifier on {@link OmniExample}'s signed URL, one whole URL verified per operation.
 * Throughput, in operations per second of all threads together.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class VerifyBenchmark {
  String url;

  /** Shared by all threads, as the README says to; see {@link AcceptEveryNonce} for why. */
  Verifier<SignetOmniLogin> verifier;

  /** With the default in-memory store, which has recorded the URL's nonce already. */
  Verifier<SignetOmniLogin> replayVerifier;

  @Setup
  public void setUp() {
    Origin origin = OmniExample.origin();
    Secret secret = OmniExample.secret();
    url = OmniExample.request().signedUrl(origin, secret);
    verifier = SignetOmniLogin.verifier(origin, secret).withNonceStore(new AcceptEveryNonce());
    replayVerifier = SignetOmniLogin.verifier(origin, secret);
    for (int i = 0; i < 2; i++) {
      Verification<SignetOmniLogin> result = verifier.verifyUrl(url);
      if (!result.isVerified()) {
        throw new IllegalStateException("the example URL does not verify: " + result);
      }
    }
    if (!replayVerifier.verifyUrl(url).isVerified()) {
      throw new IllegalStateException("the example URL does not verify");
    }
    VerificationFailure.Reason replay =
        replayVerifier.verifyUrl(url).failure().map(VerificationFailure::reason).orElse(null);
    if (replay != VerificationFailure.Reason.REPLAYED_NONCE) {
      throw new IllegalStateException("a replay is not refused as one: " + replay);
    }
  }

  /** The generated verifier accepting the signed URL: every check, the HMAC, and the store. */
  @Benchmark
  public Verification<SignetOmniLogin> verify() {
    return verifier.verifyUrl(url);
  }

  /**
   * Not a target, for context: the same work on the refusing path of the default {@code
   * InMemoryNonceStore} (a lock, a clock read and a map look-up), since the URL is a replay.
   */
  @Benchmark
  public Verification<SignetOmniLogin> verifyReplayDefaultStore() {
    return replayVerifier.verifyUrl(url);
  }
}
