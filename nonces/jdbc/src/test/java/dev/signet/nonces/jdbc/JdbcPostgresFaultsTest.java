package dev.signet.nonces.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.signet.nonces.testing.LocalPostgres;
import dev.signet.nonces.testing.SignetEmbedLogin;
import dev.signet.nonces.testing.StoreFaults;
import dev.signet.nonces.testing.Urls;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import dev.signet.runtime.Verifier;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    pool = Pools.postgres(postgres, 4, Pools.SHORT_WAIT);
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
    StoreFaults.stoppedMidRunAndRestarted(
        verifier, "PostgreSQL", postgres::stop, postgres::start, 30, 10, REFUSAL_LIMIT);
  }

  @Test
  void aLockedTableIsRefusedWithinTheTimeoutAndTheStoreRecovers() throws Exception {
    StoreFaults.awaitAccepting(verifier);
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
    StoreFaults.awaitAccepting(verifier);
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
    StoreFaults.awaitAccepting(verifier);
  }
}
