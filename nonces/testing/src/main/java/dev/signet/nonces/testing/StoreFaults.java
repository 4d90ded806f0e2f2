package dev.signet.nonces.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.Verifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** What every shared nonce store must do when its server goes away and comes back. */
public final class StoreFaults {
  private StoreFaults() {}

  /**
   * Stops the store's server while a second thread keeps verifying fresh URLs, then starts it
   * again. While it is down, no URL is accepted and each is refused as {@code
   * NONCE_STORE_UNAVAILABLE} within {@code refusalLimit}; once it is back, the same store accepts
   * fresh URLs again and still refuses those accepted before as replays.
   *
   * @param acceptedBefore how many URLs are accepted before the stop
   * @param refusals how many URLs are verified while the server is down
   */
  public static void stoppedMidRunAndRestarted(
      Verifier<SignetEmbedLogin> verifier,
      String server,
      Runnable stop,
      Runnable start,
      int acceptedBefore,
      int refusals,
      Duration refusalLimit)
      throws Exception {
    // A store's first connection may take a while on a loaded machine; that is not the fault here.
    awaitAccepting(verifier);
    List<String> accepted = new ArrayList<>();
    for (int i = 0; i < acceptedBefore; i++) {
      String url = Urls.fresh();
      assertTrue(verifier.verifyUrl(url).isVerified());
      accepted.add(url);
    }
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
    AtomicLong acceptedAfterStop = new AtomicLong();
    AtomicLong verifiedDuringRun = new AtomicLong();
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<?> run =
        background.submit(
            () -> {
              for (int i = 0; i < 100_000 && running.get(); i++) {
                long began = System.nanoTime();
                Verification<SignetEmbedLogin> result = verifier.verifyUrl(Urls.fresh());
                if (result.isVerified()) {
                  verifiedDuringRun.incrementAndGet();
                  if (began > stoppedAt.get()) {
                    acceptedAfterStop.incrementAndGet();
                  }
                } else if (Urls.reason(result).orElseThrow() != Reason.NONCE_STORE_UNAVAILABLE) {
                  throw new AssertionError(result.toString());
                }
              }
              return null;
            });
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (verifiedDuringRun.get() < 20) {
      assertTrue(System.nanoTime() < deadline, "only " + verifiedDuringRun.get() + " verified");
      Urls.pause();
    }
    stop.run();
    stoppedAt.set(System.nanoTime());
    try {
      for (int i = 0; i < refusals; i++) {
        long began = System.nanoTime();
        Verification<SignetEmbedLogin> result = verifier.verifyUrl(Urls.fresh());
        long took = System.nanoTime() - began;
        assertEquals(
            Optional.of(Reason.NONCE_STORE_UNAVAILABLE), Urls.reason(result), result.toString());
        assertTrue(took < refusalLimit.toNanos(), "refused after " + took / 1_000_000 + " ms");
      }
      // A URL accepted before is not accepted now either.
      assertEquals(
          Optional.of(Reason.NONCE_STORE_UNAVAILABLE),
          Urls.reason(verifier.verifyUrl(accepted.get(0))));
    } finally {
      running.set(false);
      run.get(1, TimeUnit.MINUTES);
      background.shutdown();
    }
    assertEquals(0, acceptedAfterStop.get(), "URLs accepted while " + server + " was down");

    start.run();
    awaitAccepting(verifier);
    for (int i = 0; i < refusals; i++) {
      assertTrue(verifier.verifyUrl(Urls.fresh()).isVerified(), "a fresh URL after the restart");
    }
    // The server kept what it stored through the restart: what was used before is a replay.
    for (String url : accepted) {
      assertEquals(Optional.of(Reason.REPLAYED_NONCE), Urls.reason(verifier.verifyUrl(url)));
    }
  }

  /** Waits, for at most 30 seconds, until {@code verifier} accepts a fresh URL. */
  public static void awaitAccepting(Verifier<SignetEmbedLogin> verifier) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!verifier.verifyUrl(Urls.fresh()).isVerified()) {
      assertTrue(System.nanoTime() < deadline, "the store did not work again within 30 s");
      Urls.pause();
    }
  }
}
