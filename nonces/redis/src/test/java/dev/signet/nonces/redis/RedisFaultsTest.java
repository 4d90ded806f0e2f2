package dev.signet.nonces.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.nonces.testing.LocalRedis;
import dev.signet.nonces.testing.SignetEmbedLogin;
import dev.signet.nonces.testing.StoreFaults;
import dev.signet.nonces.testing.Urls;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.Verifier;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
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
    StoreFaults.stoppedMidRunAndRestarted(
        verifier, "Redis", redis::stop, redis::start, 50, 20, REFUSAL_LIMIT);
  }

  @Test
  void aSlowRedisIsRefusedWithinTheTimeoutAndTheStoreRecovers() throws Exception {
    StoreFaults.awaitAccepting(verifier);
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
    StoreFaults.awaitAccepting(verifier);
  }
}
