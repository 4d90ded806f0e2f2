package dev.signet.nonces.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.signet.nonces.testing.LocalPostgres;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.Verifier;
import java.sql.Connection;
import java.sql.Statement;
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
 * PostgreSQL stopped in the middle of a run, started again, made slow by a lock, and its pool used
 * up: while the store cannot answer no URL is accepted, each refusal comes within its bound, and
 * the same store object works again once the database does.
 */
class JdbcPostgresFaultsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  /** HikariCP's connection timeout (250 ms) or the statement's timeout, and slack. */
  private static final Duration REFUSAL_LIMIT = TIMEOUT.plusMillis(1500);

  private LocalPostgres postgres;
  private HikariDataSource pool;
  private Verifier<SignetEmbedLogin> verifier;

  @BeforeEach
  void start() throws Exception {
    postgres = LocalPostgres.launch();
    pool = Pools.postgres(postgres, 4);
    JdbcNonceStore store =
        JdbcNonceStore.builder(pool, Duration.ofHours(1)).timeout(TIMEOUT).build();
    store.createTableIfAbsent();
    verifier = Urls.verifier(store);
  }

  @AfterEach
  void stop() {
    pool.close();
    postgres.close();
  }

  @Test
  void stoppedMidRunNothingIsAcceptedAndAfterARestartTheSameStoreWorks() throws Exception {
    List<String> acceptedBefore = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String url = Urls.fresh();
      assertTrue(verifier.verifyUrl(url).isVerified());
      acceptedBefore.add(url);
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
      assertTrue(System.nanoTime() < deadline, "the run did not get going");
      Urls.pause();
    }
    postgres.stop();
    stoppedAt.set(System.nanoTime());
    try {
      for (int i = 0; i < 10; i++) {
        long began = System.nanoTime();
        Verification<SignetEmbedLogin> result = verifier.verifyUrl(Urls.fresh());
        long took = System.nanoTime() - began;
        assertEquals(
            Optional.of(Reason.NONCE_STORE_UNAVAILABLE), Urls.reason(result), result.toString());
        assertTrue(took < REFUSAL_LIMIT.toNanos(), "refused after " + took / 1_000_000 + " ms");
      }
      assertEquals(
          Optional.of(Reason.NONCE_STORE_UNAVAILABLE),
          Urls.reason(verifier.verifyUrl(acceptedBefore.get(0))));
    } finally {
      running.set(false);
      run.get(1, TimeUnit.MINUTES);
      background.shutdown();
    }
    assertEquals(0, acceptedAfterStop.get(), "URLs accepted while PostgreSQL was down");

    postgres.start();
    awaitAccepting();
    for (int i = 0; i < 10; i++) {
      assertTrue(verifier.verifyUrl(Urls.fresh()).isVerified(), "a fresh URL after the restart");
    }
    for (String url : acceptedBefore) {
      assertEquals(Optional.of(Reason.REPLAYED_NONCE), Urls.reason(verifier.verifyUrl(url)));
    }
  }

  @Test
  void aLockedTableIsRefusedWithinTheTimeoutAndTheStoreRecovers() throws Exception {
    assertTrue(verifier.verifyUrl(Urls.fresh()).isVerified());
    try (Connection locker = pool.getConnection()) {
      locker.setAutoCommit(false);
      try (Statement statement = locker.createStatement()) {
        statement.execute("LOCK TABLE signet_nonces IN ACCESS EXCLUSIVE MODE");
      }
      // The lock is held once the statement returns: every insert now waits for it.
      for (int i = 0; i < 2; i++) {
        long began = System.nanoTime();
        Verification<SignetEmbedLogin> result = verifier.verifyUrl(Urls.fresh());
        long took = System.nanoTime() - began;
        assertEquals(
            Optional.of(Reason.NONCE_STORE_UNAVAILABLE), Urls.reason(result), result.toString());
        assertTrue(
            took >= TIMEOUT.toNanos() * 9 / 10,
            "refused after " + took / 1_000_000 + " ms, before the timeout");
        assertTrue(took < REFUSAL_LIMIT.toNanos(), "refused after " + took / 1_000_000 + " ms");
      }
      locker.rollback();
    }
    awaitAccepting();
  }

  @Test
  void anExhaustedPoolIsRefusedWithinItsConnectionTimeout() throws Exception {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        held.add(pool.getConnection());
      }
      long began = System.nanoTime();
      Verification<SignetEmbedLogin> result = verifier.verifyUrl(Urls.fresh());
      long took = System.nanoTime() - began;
      assertEquals(
          Optional.of(Reason.NONCE_STORE_UNAVAILABLE), Urls.reason(result), result.toString());
      assertTrue(took < REFUSAL_LIMIT.toNanos(), "refused after " + took / 1_000_000 + " ms");
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    assertTrue(verifier.verifyUrl(Urls.fresh()).isVerified());
  }

  private void awaitAccepting() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!verifier.verifyUrl(Urls.fresh()).isVerified()) {
      assertTrue(System.nanoTime() < deadline, "the store did not work again within 30 s");
      Urls.pause();
    }
  }
}
