package dev.signet.nonces.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.nonces.testing.LocalRedis;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.Verifier;
import java.net.Socket;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped in the middle of a run, started again, and made slow: while it cannot answer no URL
 * is accepted, each refusal comes within the timeout, and the same store object works again once
 * Redis does.
 */
class RedisFaultsTest {
  private static final Duration TIMEOUT = Duration.ofMillis(300);

  /**
   * The most a refusal may take: pool, connect and command each bounded by the timeout, and slack.
   */
  private static final Duration REFUSAL_LIMIT = TIMEOUT.multipliedBy(3).plusMillis(700);

  private LocalRedis redis;
  private RedisNonceStore store;
  private Verifier<SignetEmbedLogin> verifier;

  @BeforeEach
  void start() {
    redis = LocalRedis.launch();
    store =
        RedisNonceStore.builder(redis.uri(), Duration.ofHours(1))
            .timeout(TIMEOUT)
            .poolSize(4)
            .connect();
    verifier = Urls.verifier(store);
  }

  @AfterEach
  void stop() {
    store.close();
    redis.close();
  }

  @Test
  void stoppedMidRunNothingIsAcceptedAndAfterARestartTheSameStoreWorks() throws Exception {
    List<String> acceptedBefore = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String url = Urls.fresh();
      assertTrue(verifier.verifyUrl(url).isVerified());
      acceptedBefore.add(url);
    }
    // A second thread keeps verifying fresh URLs while Redis stops under it.
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
    awaitCount(verifiedDuringRun, 20);
    redis.stop();
    stoppedAt.set(System.nanoTime());
    try {
      for (int i = 0; i < 20; i++) {
        long began = System.nanoTime();
        Verification<SignetEmbedLogin> result = verifier.verifyUrl(Urls.fresh());
        long took = System.nanoTime() - began;
        assertEquals(
            Optional.of(Reason.NONCE_STORE_UNAVAILABLE), Urls.reason(result), result.toString());
        assertTrue(took < REFUSAL_LIMIT.toNanos(), "refused after " + took / 1_000_000 + " ms");
      }
      // A URL accepted before is not accepted now either.
      assertEquals(
          Optional.of(Reason.NONCE_STORE_UNAVAILABLE),
          Urls.reason(verifier.verifyUrl(acceptedBefore.get(0))));
    } finally {
      running.set(false);
      run.get(1, TimeUnit.MINUTES);
      background.shutdown();
    }
    assertEquals(0, acceptedAfterStop.get(), "URLs accepted while Redis was down");

    redis.start();
    awaitAccepting();
    for (int i = 0; i < 20; i++) {
      assertTrue(verifier.verifyUrl(Urls.fresh()).isVerified(), "a fresh URL after the restart");
    }
    // Redis kept its keys through the restart: what was used before is still a replay.
    for (String url : acceptedBefore) {
      assertEquals(Optional.of(Reason.REPLAYED_NONCE), Urls.reason(verifier.verifyUrl(url)));
    }
  }

  @Test
  void aSlowRedisIsRefusedWithinTheTimeoutAndTheStoreRecovers() throws Exception {
    assertTrue(verifier.verifyUrl(Urls.fresh()).isVerified());
    Socket sleeper = redis.send("DEBUG SLEEP 3");
    try {
      // Redis answers nothing while it sleeps: wait until a ping goes unanswered.
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!redis.command("PING", 100).equals("timeout")) {
        assertTrue(System.nanoTime() < deadline, "Redis never went to sleep");
      }
      for (int i = 0; i < 3; i++) {
        long began = System.nanoTime();
        Verification<SignetEmbedLogin> result = verifier.verifyUrl(Urls.fresh());
        long took = System.nanoTime() - began;
        assertEquals(
            Optional.of(Reason.NONCE_STORE_UNAVAILABLE), Urls.reason(result), result.toString());
        assertTrue(
            took >= TIMEOUT.toNanos() / 2,
            "refused after " + took / 1_000_000 + " ms, before any timeout");
        assertTrue(took < REFUSAL_LIMIT.toNanos(), "refused after " + took / 1_000_000 + " ms");
      }
    } finally {
      sleeper.close();
    }
    awaitAccepting();
  }

  /** Waits, for at most 20 seconds, until the verifier accepts a fresh URL. */
  private void awaitAccepting() {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!verifier.verifyUrl(Urls.fresh()).isVerified()) {
      assertTrue(System.nanoTime() < deadline, "the store did not work again within 20 s");
      RedisNonceStoreTest.pause();
    }
  }

  private static void awaitCount(AtomicLong count, long atLeast) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (count.get() < atLeast) {
      assertTrue(System.nanoTime() < deadline, "only " + count.get() + " verified");
      RedisNonceStoreTest.pause();
    }
  }
}
